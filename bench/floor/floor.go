// Package floor holds the hand-written baselines the generated handler is
// measured against: plain net/http handlers of package app's functions that
// read the body, decode the arguments, call the function and encode the
// result, and nothing else.
//
// V2 uses encoding/json/v2 with the runtime's codec options: v2's defaults,
// which refuse duplicate names and invalid UTF-8, match names exactly and
// write nil slices and maps as [] and {}, plus RejectUnknownMembers; it also
// refuses a wrong argument count and trailing data. It writes the wire the
// runtime writes and is the floor of the targets. V1 does the same work with
// encoding/json, which accepts duplicate names, invalid UTF-8 and
// case-variant names and writes null for nil slices: it shows what the codec
// alone is worth. Strict is V2 plus the runtime's checks of the request
// (content type and encoding, size, cross-origin): the floor with all of the
// runtime's strictness. What the generated handler costs above V2 is the
// price of being generic and of checking the request; above Strict, the
// price of being generic alone.
package floor

import (
	"bytes"
	"io"
	"net/http"

	"github.com/actionsgo/actions/bench/app"
)

// MaxBody is the request body limit, as in the runtime.
const MaxBody = 1 << 20

// codec is what differs between V1 and V2.
type codec struct {
	// decodeArgs decodes body, a JSON array, into one pointer per element.
	decodeArgs func(body []byte, ptrs ...any) error
	marshal    func(v any) ([]byte, error)
}

// Handler serves app's functions at /_actions/app.<Name>.
type Handler struct {
	codec codec
	// checked makes the handler refuse, as the runtime does, a request
	// whose content type is not JSON, that has a Content-Encoding, that
	// announces a body over MaxBody, or that comes from another site.
	checked bool
}

// V2 is the floor with encoding/json/v2 and the runtime's codec options:
// the floor of the targets.
var V2 = Handler{codec: codec{decodeArgsV2, marshalV2}}

// V1 is the floor with encoding/json, for comparison.
var V1 = Handler{codec: codec{decodeArgsV1, marshalV1}}

// Strict is V2 with the runtime's checks of the request: the floor with all
// of the runtime's strictness.
var Strict = Handler{codec: codec{decodeArgsV2, marshalV2}, checked: true}

var crossOrigin = http.NewCrossOriginProtection()

// check returns the status to refuse r with, or 0.
func check(r *http.Request) int {
	if ct := r.Header["Content-Type"]; len(ct) != 1 || (ct[0] != "application/json" && ct[0] != "application/json; charset=utf-8") {
		return http.StatusUnsupportedMediaType
	}
	if len(r.Header["Content-Encoding"]) > 0 {
		return http.StatusUnsupportedMediaType
	}
	if r.ContentLength > MaxBody {
		return http.StatusRequestEntityTooLarge
	}
	if crossOrigin.Check(r) != nil {
		return http.StatusForbidden
	}
	return 0
}

func (h Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		fail(w, http.StatusMethodNotAllowed, "use POST")
		return
	}
	if h.checked {
		if status := check(r); status != 0 {
			fail(w, status, "request refused")
			return
		}
	}
	body, err := readBody(http.MaxBytesReader(w, r.Body, MaxBody), r.ContentLength)
	if err != nil {
		fail(w, http.StatusRequestEntityTooLarge, err.Error())
		return
	}
	switch r.URL.Path {
	case "/_actions/app.Small":
		if !noArgs(body) {
			if err := h.codec.decodeArgs(body); err != nil {
				fail(w, http.StatusBadRequest, err.Error())
				return
			}
		}
		s, err := app.Small(r.Context())
		h.reply(w, s, err)
	case "/_actions/app.Medium":
		var item app.Item
		var count int
		var note string
		if err := h.codec.decodeArgs(body, &item, &count, &note); err != nil {
			fail(w, http.StatusBadRequest, err.Error())
			return
		}
		it, err := app.Medium(r.Context(), item, count, note)
		h.reply(w, it, err)
	case "/_actions/app.Large":
		var items []app.Item
		if err := h.codec.decodeArgs(body, &items); err != nil {
			fail(w, http.StatusBadRequest, err.Error())
			return
		}
		out, err := app.Large(r.Context(), items)
		h.reply(w, out, err)
	default:
		fail(w, http.StatusNotFound, "no such action")
	}
}

// readBody reads the whole body, in one allocation when its length is known.
func readBody(body io.Reader, length int64) ([]byte, error) {
	if length <= 0 {
		return io.ReadAll(body)
	}
	buf := make([]byte, length)
	if _, err := io.ReadFull(body, buf); err != nil {
		return nil, err
	}
	return buf, nil
}

// noArgs reports whether body is the common spelling of no arguments, which
// needs no decoder: empty or [].
func noArgs(body []byte) bool {
	body = bytes.TrimSpace(body)
	return len(body) == 0 || string(body) == "[]"
}

func (h Handler) reply(w http.ResponseWriter, v any, err error) {
	if err != nil {
		fail(w, http.StatusInternalServerError, "internal error")
		return
	}
	out, err := h.codec.marshal(v)
	if err != nil {
		fail(w, http.StatusInternalServerError, "internal error")
		return
	}
	setHeaders(w.Header())
	w.WriteHeader(http.StatusOK)
	w.Write(out)
}

func fail(w http.ResponseWriter, status int, msg string) {
	out, _ := marshalV2(map[string]string{"code": "error", "message": msg})
	setHeaders(w.Header())
	w.WriteHeader(status)
	w.Write(out)
}

// setHeaders sets the headers the runtime sets on every response, from
// shared slices as the runtime does: net/http only reads them.
func setHeaders(h http.Header) {
	h["Content-Type"] = contentTypeJSON
	h["X-Content-Type-Options"] = nosniff
	h["Cache-Control"] = noStore
}

var (
	contentTypeJSON = []string{"application/json; charset=utf-8"}
	nosniff         = []string{"nosniff"}
	noStore         = []string{"no-store"}
)
