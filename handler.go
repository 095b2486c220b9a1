package actions

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Handler serves actions over HTTP. Make one with NewHandler or New; it is
// safe for concurrent use.
type Handler struct {
	prefix       string
	maxBodyBytes int64
	maxDepth     int
	maxTimeout   time.Duration
	logger       *slog.Logger
	onError      func(*http.Request, string, error) error
	crossOrigin  *http.CrossOriginProtection
	origins      map[string]struct{} // Options.AllowedOrigins, for CORS
	actions      map[string]*served
}

// NewHandler returns a handler serving the given groups of actions, each
// usually the result of a generated Actions function, with the default
// Options. It panics if two actions share an ID, naming the ID, as
// http.ServeMux does for conflicting patterns: the server's own code is
// wrong, and start-up is the time to say so. Use New to get the error
// instead, and to set options.
func NewHandler(groups ...[]Action) *Handler {
	h, err := New(Options{}, groups...)
	if err != nil {
		panic(err)
	}
	return h
}

// New returns a handler serving the given groups of actions with opts. It
// fails if two actions share an ID, an action has no ID or no Call, or an
// allowed origin is malformed.
func New(opts Options, groups ...[]Action) (*Handler, error) {
	h := &Handler{
		prefix:       cmpOr(opts.Prefix, DefaultPrefix),
		maxBodyBytes: opts.MaxBodyBytes,
		maxDepth:     opts.MaxDepth,
		maxTimeout:   opts.MaxTimeout,
		logger:       opts.Logger,
		onError:      opts.OnError,
		crossOrigin:  http.NewCrossOriginProtection(),
		actions:      make(map[string]*served),
	}
	if h.maxBodyBytes <= 0 {
		h.maxBodyBytes = DefaultMaxBodyBytes
	}
	if h.maxDepth <= 0 {
		h.maxDepth = DefaultMaxDepth
	}
	if h.maxTimeout <= 0 {
		h.maxTimeout = DefaultMaxTimeout
	}
	if h.logger == nil {
		h.logger = slog.Default()
	}
	for _, origin := range opts.AllowedOrigins {
		if err := h.crossOrigin.AddTrustedOrigin(origin); err != nil {
			return nil, fmt.Errorf("actions: allowed origin: %w", err)
		}
		if h.origins == nil {
			h.origins = make(map[string]struct{})
		}
		h.origins[origin] = struct{}{}
	}
	for _, group := range groups {
		for i := range group {
			a := &group[i]
			switch {
			case a.ID == "":
				return nil, fmt.Errorf("actions: an action has no ID")
			case a.Call == nil:
				return nil, fmt.Errorf("actions: action %q has no Call", a.ID)
			case h.actions[a.ID] != nil:
				return nil, fmt.Errorf("actions: two actions have the ID %q", a.ID)
			}
			h.actions[a.ID] = newServed(a)
		}
	}
	return h, nil
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// ServeHTTP serves one call: POST Prefix + ID with a JSON array of the
// arguments. Everything about the request is checked before the action's
// code runs.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutPrefix(r.URL.Path, h.prefix)
	s := h.actions[id]
	if !ok || s == nil {
		h.fail(w, r, nil, 0, Errorf(CodeNotFound, "no action %q", id))
		return
	}
	a := s.Action
	if origin, ok := h.corsOrigin(r); ok {
		if h.preflight(w, r) {
			return
		}
		allowOrigin(w.Header(), origin)
	}
	body, status, err := h.readRequest(w, r)
	if err != nil {
		h.fail(w, r, a, status, err)
		return
	}
	args := Args{action: s}
	if err := args.split(body, h.maxDepth); err != nil {
		h.fail(w, r, a, 0, err)
		return
	}
	ctx := r.Context()
	if v := headerValue(r.Header, TimeoutHeader); v != "" {
		ms, err := strconv.ParseInt(v, 10, 64)
		if err != nil || ms <= 0 {
			h.fail(w, r, a, 0, Errorf(CodeInvalidArgument, "header %s must be a positive number of milliseconds, not %q", TimeoutHeader, v))
			return
		}
		d := h.maxTimeout
		if ms < d.Milliseconds() {
			d = time.Duration(ms) * time.Millisecond
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	h.call(ctx, w, r, a, &args)
}

// readRequest checks everything about r but its body's contents, then reads
// the body. It returns the HTTP status to refuse the request with, 0 for
// the one of the error's code.
func (h *Handler) readRequest(w http.ResponseWriter, r *http.Request) ([]byte, int, error) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		return nil, http.StatusMethodNotAllowed, Errorf(CodeInvalidArgument, "method %s is not allowed, only POST", r.Method)
	}
	if !sameOriginOrNoBrowser(r.Header) && h.crossOrigin.Check(r) != nil {
		return nil, 0, Errorf(CodePermissionDenied, "cross-origin request refused")
	}
	if ct := headerValue(r.Header, "Content-Type"); !isJSON(ct) {
		w.Header().Set("Accept-Post", "application/json")
		return nil, http.StatusUnsupportedMediaType, Errorf(CodeInvalidArgument, "Content-Type must be application/json, not %q", ct)
	}
	if ce := r.Header["Content-Encoding"]; len(ce) > 0 && !(len(ce) == 1 && strings.EqualFold(ce[0], "identity")) {
		return nil, http.StatusUnsupportedMediaType, Errorf(CodeInvalidArgument, "Content-Encoding %q is not accepted", strings.Join(ce, ", "))
	}
	if r.ContentLength > h.maxBodyBytes {
		return nil, http.StatusRequestEntityTooLarge, h.tooLarge()
	}
	body, err := h.readBody(w, r)
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return nil, http.StatusRequestEntityTooLarge, h.tooLarge()
		}
		return nil, 0, Errorf(CodeInvalidArgument, "reading the request body: %v", err)
	}
	return body, 0, nil
}

func (h *Handler) tooLarge() *Error {
	return Errorf(CodeResourceExhausted, "the request body is larger than %d bytes", h.maxBodyBytes)
}

// sameOriginOrNoBrowser reports whether the headers of a POST request are
// ones that http.CrossOriginProtection.Check lets through whatever its
// settings: a Sec-Fetch-Site of same-origin or none, or neither
// Sec-Fetch-Site nor Origin (a same-origin request or no browser's). The
// usual requests skip Check's own header lookups, which canonicalize their
// keys each time; Check decides all the others.
func sameOriginOrNoBrowser(hd http.Header) bool {
	switch headerValue(hd, "Sec-Fetch-Site") {
	case "same-origin", "none":
		return true
	case "":
		return headerValue(hd, "Origin") == ""
	}
	return false
}

// headerValue returns the first value of the header named key, which must be
// in canonical form: the server canonicalizes the keys of the requests it
// reads, so indexing the map directly spares Header.Get canonicalizing key
// again on every call.
func headerValue(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// emptyBody is the body of a request that has none: empty but not nil, as
// Args takes a nil body for a call that has returned.
var emptyBody = []byte{}

// readBody reads all of r's body, no more than h.maxBodyBytes of it, in one
// allocation when its length is known, which readRequest checked against
// the limit. It reads up to io.EOF even then, so that the server, which
// watches the connection for the client going away once the body is
// consumed, cancels the request's context when that happens.
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	length := r.ContentLength
	if r.Body == http.NoBody && length <= 0 {
		// What the server gives a request without a body: nothing to read,
		// and already watched.
		return emptyBody, nil
	}
	if length <= 0 {
		return io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBodyBytes))
	}
	// Reading length+1 bytes at most, this cannot pass the limit unless
	// length is the limit itself: a http.MaxBytesReader, one allocation more,
	// is not needed to stop it.
	buf := make([]byte, length+1)
	n, err := io.ReadFull(r.Body, buf)
	switch {
	case err == io.ErrUnexpectedEOF && int64(n) == length:
		return buf[:n], nil
	case err == nil && length == h.maxBodyBytes:
		return nil, &http.MaxBytesError{Limit: h.maxBodyBytes}
	case err == nil:
		return nil, errors.New("the body is longer than its Content-Length")
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		return nil, errors.New("the body is shorter than its Content-Length")
	}
	return nil, err
}

// isJSON reports whether ct is application/json, with at most a charset
// parameter of utf-8.
func isJSON(ct string) bool {
	if strings.EqualFold(ct, "application/json") || strings.EqualFold(ct, "application/json; charset=utf-8") {
		return true // the common cases, without parsing
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return false
	}
	for k, v := range params {
		if k != "charset" || !strings.EqualFold(v, "utf-8") {
			return false
		}
	}
	return true
}

// call runs the action and writes its result, recovering a panic.
func (h *Handler) call(ctx context.Context, w http.ResponseWriter, r *http.Request, a *Action, args *Args) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			h.fail(w, r, a, 0, &PanicError{Value: p, Stack: debug.Stack()})
		}
	}()
	result, err := a.Call(ctx, args)
	args.body = nil // the body is not the action's after it returns
	if err != nil {
		h.fail(w, r, a, 0, err)
		return
	}
	if !a.Returns {
		setHeaders(w.Header())
		w.WriteHeader(http.StatusNoContent)
		return
	}
	e := resultEncoders.Get().(*resultEncoder)
	out, err := e.encode(result)
	if err != nil {
		resultEncoders.Put(e)
		h.fail(w, r, a, 0, fmt.Errorf("encoding the result: %w", err))
		return
	}
	setHeaders(w.Header())
	w.WriteHeader(http.StatusOK)
	w.Write(out)
	if e.buf.Cap() <= maxPooledResult {
		resultEncoders.Put(e)
	}
}

// resultEncoder encodes results into a buffer that outlives the call, which
// json.Marshal would allocate and copy anew each time. Encode writes what
// Marshal returns, then a newline; Write does not keep what it is given.
type resultEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

// encode returns the JSON of v as json.Marshal writes it, valid until the
// next call.
func (e *resultEncoder) encode(v any) ([]byte, error) {
	e.buf.Reset()
	if s, ok := v.(string); ok && plainString(s) {
		// The JSON of such a string is itself in quotes: no need for
		// encoding/json's look-ups by type.
		e.buf.WriteByte('"')
		e.buf.WriteString(s)
		e.buf.WriteByte('"')
		return e.buf.Bytes(), nil
	}
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	out := e.buf.Bytes()
	return out[:len(out)-1], nil // the newline Encode ends with
}

// plainString reports whether s is printable ASCII that encoding/json
// writes unescaped: no quote, backslash, or <, > and & (which it escapes
// for HTML).
func plainString(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b < 0x20 || b > 0x7e, b == '"', b == '\\', b == '<', b == '>', b == '&':
			return false
		}
	}
	return true
}

var resultEncoders = sync.Pool{New: func() any {
	e := new(resultEncoder)
	e.enc = json.NewEncoder(&e.buf)
	return e
}}

// maxPooledResult is the largest buffer kept for the next call, so that one
// large result does not hold its memory for good.
const maxPooledResult = 64 << 10

// PanicError is a panic recovered from an action, as Options.OnError sees
// it. The client gets an internal error; the log gets Value and Stack.
type PanicError struct {
	Value any    // what the action panicked with
	Stack []byte // the goroutine's stack at the panic
}

// Error returns "panic: " and the value.
func (p *PanicError) Error() string { return fmt.Sprintf("panic: %v", p.Value) }

// wireError is the JSON error body.
type wireError struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
	Details any    `json:"details,omitempty"`
	ID      string `json:"id,omitempty"`
}

// internalMessage is all an internal error tells the client.
const internalMessage = "internal error"

// fail sends err. status, when not 0, is the HTTP status for a request
// refused before any action ran (405, 413, 415); otherwise the code decides.
// Only an *Error's text reaches the client; any other error, and an *Error
// with CodeInternal, is logged with an error ID that the response carries.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, a *Action, status int, err error) {
	id := ""
	if a != nil {
		id = a.ID
	}
	if h.onError != nil {
		if translated := h.onError(r, id, err); translated != nil {
			if !samePointer(translated, err) {
				status = 0 // a new error: its code decides
			}
			err = translated
		}
	}
	e, ok := errors.AsType[*Error](err)
	if !ok {
		// A context error the action passed on says why the call ended.
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			e, ok = Errorf(CodeDeadlineExceeded, "the call ran out of time"), true
		case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
			e, ok = Errorf(CodeAborted, "the call was canceled"), true
		}
	}
	if ok && e.Code.known() && e.Code != CodeInternal {
		if status == 0 {
			status = e.Code.HTTPStatus()
		}
		writeErrorBody(w, status, &wireError{Code: e.Code, Message: e.Message, Details: e.Details})
		return
	}
	errID := newErrorID()
	attrs := []slog.Attr{
		slog.String("action", id),
		slog.String("error_id", errID),
		slog.String("error", err.Error()),
	}
	if p, ok := errors.AsType[*PanicError](err); ok {
		attrs = append(attrs, slog.String("stack", string(p.Stack)))
	}
	h.logger.LogAttrs(r.Context(), slog.LevelError, "action failed", attrs...)
	writeErrorBody(w, http.StatusInternalServerError, &wireError{Code: CodeInternal, Message: internalMessage, ID: errID})
}

// samePointer reports whether a and b are the same *Error. (Comparing two
// errors with == panics when their dynamic type is not comparable.)
func samePointer(a, b error) bool {
	pa, ok := a.(*Error)
	pb, _ := b.(*Error)
	return ok && pa == pb
}

func writeErrorBody(w http.ResponseWriter, status int, body *wireError) {
	out, err := json.Marshal(body)
	if err != nil {
		// Details that cannot be encoded: send the error without them.
		body.Details = nil
		out, _ = json.Marshal(body)
	}
	setHeaders(w.Header())
	w.WriteHeader(status)
	w.Write(out)
}

// setHeaders sets the headers of every response, success or error.
func setHeaders(h http.Header) {
	h["Content-Type"] = contentTypeJSON
	h["X-Content-Type-Options"] = nosniff
	h["Cache-Control"] = noStore
}

// Header values shared by all responses, to spare allocations: net/http only
// reads them, and as each has len == cap, a Header.Add appends to a copy.
var (
	contentTypeJSON = []string{"application/json; charset=utf-8"}
	nosniff         = []string{"nosniff"}
	noStore         = []string{"no-store"}
)

// newErrorID returns a random ID that matches a response to its log line.
func newErrorID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
