package actions

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
)

// A get action is a read: besides POST, it is served by
//
//	GET /_actions/<id>?args=<the JSON array of the arguments, URL-encoded>
//
// (and HEAD), decoded exactly as a POST body is. Its response carries a
// strong ETag of the result and Cache-Control from the action's Cache
// ("private, max-age=N", or "private, no-cache" when Cache is zero); a
// request whose If-None-Match holds that ETag gets 304 with no body. The
// responses are private: a read may depend on the caller's cookies, so only
// the browser's own cache keeps them. A get action must not change state:
// a GET can be made by a link from another site, whose result that site
// cannot read (no CORS beyond Options.AllowedOrigins) but whose effects
// would happen.

// MaxQueryBytes bounds the args parameter of a GET; the TypeScript client
// refuses to build a longer URL, and says so, before sending it.
const MaxQueryBytes = 8 << 10

// checkRead checks a GET or HEAD of a get action: the host, and that it
// does not come from another site's script (Sec-Fetch-Site), unless from
// an allowed origin.
func (h *Handler) checkRead(r *http.Request, rh *requestHeaders) (int, error) {
	if h.hosts != nil && !h.hosts.allows(r.Host) {
		return 0, Errorf(CodePermissionDenied, "host %q is not served", r.Host)
	}
	switch rh.fetchSite {
	case "cross-site", "same-site":
		if _, ok := h.corsOrigin(rh.origin); !ok {
			return 0, Errorf(CodePermissionDenied, "cross-origin request refused")
		}
	}
	return 0, nil
}

// readQuery puts the args parameter of a read's query in st.body, where a
// POST's body would be.
func (h *Handler) readQuery(r *http.Request, st *callState) error {
	q := r.URL.Query()
	for k := range q {
		if k != "args" {
			return Errorf(CodeInvalidArgument, "unknown query parameter %q: the arguments go in args", k)
		}
	}
	switch vs := q["args"]; {
	case len(vs) > 1:
		return Errorf(CodeInvalidArgument, "the query has args %d times", len(vs))
	case len(vs) == 1 && len(vs[0]) > MaxQueryBytes:
		return Errorf(CodeInvalidArgument, "args is longer than %d bytes", MaxQueryBytes)
	case len(vs) == 1:
		st.body.WriteString(vs[0])
	}
	return nil
}

// writeRead sends the result of a read with its ETag and Cache-Control, or
// 304 when the client has it already.
func (h *Handler) writeRead(w http.ResponseWriter, r *http.Request, a *Action, out []byte) {
	sum := sha256.Sum256(out)
	etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
	hd := w.Header()
	setHeaders(hd)
	hd.Set("Cache-Control", cacheControl(a))
	hd.Set("Etag", etag)
	// A client made for another version of the server gets another
	// answer (stale_client): a cache must not give it this one.
	hd.Add("Vary", FingerprintHeader)
	hd.Add("Vary", Int64Header)
	if matches(headerValue(r.Header, "If-None-Match"), etag) {
		delete(hd, "Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hd.Set("Content-Length", strconv.Itoa(len(out)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(out)
	}
}

func cacheControl(a *Action) string {
	if a.Cache <= 0 {
		return "private, no-cache"
	}
	return "private, max-age=" + strconv.FormatInt(int64(a.Cache.Seconds()), 10)
}

// matches reports whether an If-None-Match header holds etag (or is *).
// The comparison is weak, as RFC 9110 asks for If-None-Match.
func matches(header, etag string) bool {
	for tag := range strings.SplitSeq(header, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
			return true
		}
	}
	return false
}
