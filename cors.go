package actions

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// A browser page on another origin can call actions only if the response
// lets it read the result (CORS) and, since a JSON POST is not a "simple"
// request, only after a preflight OPTIONS request succeeds. The handler
// answers both for Options.AllowedOrigins, and for no other origin: the
// same origins that http.CrossOriginProtection lets through.

// corsOrigin reports whether origin, a request's Origin, is an allowed
// origin.
func (h *Handler) corsOrigin(origin string) (string, bool) {
	if len(h.origins) == 0 {
		return "", false
	}
	_, ok := h.origins[origin]
	return origin, ok
}

// allowOrigin lets origin read the response, with credentials: an allowed
// origin is trusted to make the calls its users' cookies authorize.
func allowOrigin(hd http.Header, origin string) {
	hd.Set("Access-Control-Allow-Origin", origin)
	hd.Set("Access-Control-Allow-Credentials", "true")
	hd.Add("Vary", "Origin")
}

// preflight answers a CORS preflight request from origin, an allowed
// origin, and reports whether it did. Other OPTIONS requests get 405 like
// any method but POST.
func (h *Handler) preflight(w http.ResponseWriter, r *http.Request, origin string) bool {
	if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" {
		return false
	}
	hd := w.Header()
	allowOrigin(hd, origin)
	hd.Set("Access-Control-Allow-Methods", http.MethodPost)
	if headers := r.Header.Get("Access-Control-Request-Headers"); headers != "" {
		hd.Set("Access-Control-Allow-Headers", headers)
	}
	hd.Set("Access-Control-Max-Age", "600")
	hd.Add("Vary", "Access-Control-Request-Method")
	hd.Add("Vary", "Access-Control-Request-Headers")
	setHeaders(hd)
	w.WriteHeader(http.StatusNoContent)
	return true
}

// checkOrigin refuses an allowed origin that can never equal a browser's
// Origin header, which is the serialized origin: a lower-case scheme and
// host, the port only where it is not the scheme's default, nothing else.
// Such an entry would silently allow nothing.
func checkOrigin(origin string) error {
	bad := func(why string) error {
		return fmt.Errorf("actions: allowed origin %q: %s; write it as a browser sends it, like \"https://app.example.com\"", origin, why)
	}
	u, err := url.Parse(origin)
	switch {
	case strings.Contains(origin, "*"):
		return bad("wildcards are not supported")
	case err != nil:
		return bad(err.Error())
	case u.Scheme == "" || u.Host == "":
		return bad("it needs a scheme and a host")
	case origin != strings.ToLower(origin):
		return bad("browsers send it in lower case")
	case u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil || strings.HasSuffix(origin, "/"):
		return bad("an origin has no path, query, fragment or user")
	case u.Scheme == "https" && u.Port() == "443", u.Scheme == "http" && u.Port() == "80":
		return bad("browsers leave out the default port")
	}
	return nil
}
