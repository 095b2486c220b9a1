package actions

import (
	"bytes"
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json/jsontext"
	"encoding/json/v2"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Handler serves actions over HTTP. Make one with NewHandler or New; it is
// safe for concurrent use.
type Handler struct {
	prefix         string
	maxBodyBytes   int64
	maxUploadBytes int64
	uploadDir      string
	formKey        []byte
	maxDepth       int
	maxTimeout     time.Duration
	readTimeout    time.Duration
	writeTimeout   time.Duration
	maxStream      time.Duration
	keepAlive      time.Duration
	maxConcurrent  int64
	active         atomic.Int64 // calls being served, against maxConcurrent
	logger         *slog.Logger
	onError        func(*http.Request, string, error) error
	crossOrigin    *http.CrossOriginProtection
	origins        map[string]struct{} // Options.AllowedOrigins, for CORS
	hosts          hostSet             // Options.AllowedHosts; nil allows any
	actions        map[string]*served
}

// served is an action as the handler serves it.
type served struct {
	*Action
	invoke Invoker // its interceptors around it; nil when it has none
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
// option is malformed (an allowed origin that no browser sends, an allowed
// host with a scheme or path).
func New(opts Options, groups ...[]Action) (*Handler, error) {
	h := &Handler{
		prefix:         cmp.Or(opts.Prefix, DefaultPrefix),
		maxBodyBytes:   positive(opts.MaxBodyBytes, DefaultMaxBodyBytes),
		maxUploadBytes: positive(opts.MaxUploadBytes, DefaultMaxUploadBytes),
		uploadDir:      opts.UploadDir,
		formKey:        newFormKey(opts.FormKey),
		maxDepth:       positive(opts.MaxDepth, DefaultMaxDepth),
		maxTimeout:     positive(opts.MaxTimeout, DefaultMaxTimeout),
		readTimeout:    positive(opts.ReadTimeout, DefaultReadTimeout),
		writeTimeout:   positive(opts.WriteTimeout, DefaultWriteTimeout),
		maxStream:      positive(opts.MaxStreamDuration, DefaultMaxStream),
		keepAlive:      positive(opts.StreamKeepAlive, DefaultKeepAlive),
		maxConcurrent:  int64(positive(opts.MaxConcurrent, DefaultMaxConcurrent)),
		logger:         opts.Logger,
		onError:        opts.OnError,
		crossOrigin:    http.NewCrossOriginProtection(),
		actions:        make(map[string]*served),
	}
	if !strings.HasPrefix(h.prefix, "/") || !strings.HasSuffix(h.prefix, "/") {
		return nil, fmt.Errorf("actions: prefix %q must start and end with /", h.prefix)
	}
	if h.logger == nil {
		h.logger = slog.Default()
	}
	for _, origin := range opts.AllowedOrigins {
		if err := checkOrigin(origin); err != nil {
			return nil, err
		}
		if err := h.crossOrigin.AddTrustedOrigin(origin); err != nil {
			return nil, fmt.Errorf("actions: allowed origin: %w", err)
		}
		if h.origins == nil {
			h.origins = make(map[string]struct{})
		}
		h.origins[origin] = struct{}{}
	}
	hosts, err := newHostSet(opts.AllowedHosts)
	if err != nil {
		return nil, err
	}
	h.hosts = hosts
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
			for _, p := range a.Params {
				if p.newValue == nil {
					return nil, fmt.Errorf("actions: action %q: parameter %q was not made with Param", a.ID, p.Name)
				}
			}
			s := &served{Action: a, invoke: chain(a, opts.Interceptors)}
			if len(opts.Interceptors)+len(a.interceptors) > 0 && s.invoke == nil {
				return nil, fmt.Errorf("actions: action %q: an interceptor returned a nil Invoker", a.ID)
			}
			h.actions[a.ID] = s
		}
	}
	return h, nil
}

// positive returns v, or def where v is zero or less.
func positive[T int | int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// ServeHTTP serves one call: POST Prefix + ID with a JSON array of the
// arguments. Everything about the request is checked before the action's
// code runs.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rh := readHeaders(r.Header)
	s := h.admit(w, r, &rh)
	if s == nil {
		return
	}
	if h.active.Add(1) > h.maxConcurrent {
		h.active.Add(-1)
		h.fail(r.Context(), w, r, s.Action, 0, Errorf(CodeResourceExhausted, "the server is serving as many calls as it may; try again"))
		return
	}
	defer h.active.Add(-1)
	h.serve(w, r, s, &rh)
}

// admit returns the action r calls if everything about r but its body
// lets it be served; otherwise it answers r and returns nil.
func (h *Handler) admit(w http.ResponseWriter, r *http.Request, rh *requestHeaders) *served {
	ctx := r.Context()
	id, ok := strings.CutPrefix(r.URL.Path, h.prefix)
	s := h.actions[id]
	if !ok || s == nil {
		if ok && rh.fingerprint != "" {
			// A generated client that knows an action this server does
			// not have was made for another version of it.
			h.fail(ctx, w, r, nil, 0, Errorf(CodeStaleClient, "no action %q: the client was made for another version of the server", id))
			return nil
		}
		h.fail(ctx, w, r, nil, 0, Errorf(CodeNotFound, "no action %q", id))
		return nil
	}
	a := s.Action
	if origin, ok := h.corsOrigin(rh.origin); ok {
		if h.preflight(w, r, origin) {
			return nil
		}
		allowOrigin(w.Header(), origin)
	}
	if rh.fingerprint != "" && a.Fingerprint != "" && rh.fingerprint != a.Fingerprint {
		// Before anything is decoded: the arguments were written for
		// another shape of the action, and its result would be read so.
		h.fail(ctx, w, r, a, 0, Errorf(CodeStaleClient, "action %q has changed since the client was made: reload it", id))
		return nil
	}
	var status int
	var err error
	if isRead(a, r) {
		status, err = h.checkRead(r, rh)
	} else {
		status, err = h.checkRequest(w, r, rh, a)
	}
	if err != nil {
		h.fail(ctx, w, r, a, status, err)
		return nil
	}
	return s
}

// isRead reports whether r reads get action a: a GET or HEAD, whose
// arguments are in the query.
func isRead(a *Action, r *http.Request) bool {
	return a.Get && (r.Method == http.MethodGet || r.Method == http.MethodHead)
}

// serve reads and decodes the arguments of a call admitted to action s,
// and calls it.
func (h *Handler) serve(w http.ResponseWriter, r *http.Request, s *served, rh *requestHeaders) {
	ctx := r.Context()
	a := s.Action
	st := calls.Get().(*callState)
	defer st.release()
	st.read = isRead(a, r)
	switch v := rh.int64s; v {
	case "":
	case "string":
		st.int64s = true
	default:
		h.fail(ctx, w, r, a, 0, Errorf(CodeInvalidArgument, "header %s must be \"string\", not %q", Int64Header, v))
		return
	}
	rc := &st.conn
	rc.reset(w)
	if status, err := h.readArgs(w, rc, r, rh, a, st); err != nil {
		h.refuse(ctx, w, r, a, st, status, err)
		return
	}
	st.inlined = min(len(a.Params), len(st.inline))
	args, err := decodeArgs(&st.dec, &st.body, a.Params, h.maxDepth, st.inline[:0], st.int64s, st.fileUnmarshal())
	if err != nil {
		h.refuse(ctx, w, r, a, st, 0, err)
		return
	}
	ctx, cancel, err := h.withDeadline(ctx, rh.timeout, a.Stream)
	if err != nil {
		h.fail(ctx, w, r, a, 0, err)
		return
	}
	if cancel != nil {
		defer cancel()
	}
	h.call(ctx, w, r, rc, s, args, st)
}

// withDeadline returns ctx with the call's deadline: the one the client
// asked for in TimeoutHeader, at most MaxTimeout, and for a stream at most
// MaxStreamDuration. cancel is nil when ctx is unchanged.
func (h *Handler) withDeadline(ctx context.Context, timeout string, stream bool) (_ context.Context, cancel context.CancelFunc, _ error) {
	var d time.Duration
	if timeout != "" {
		ms, err := strconv.ParseInt(timeout, 10, 64)
		if err != nil || ms <= 0 {
			return ctx, nil, Errorf(CodeInvalidArgument, "header %s must be a positive number of milliseconds, not %q", TimeoutHeader, timeout)
		}
		d = h.maxTimeout
		if ms < d.Milliseconds() {
			d = time.Duration(ms) * time.Millisecond
		}
	}
	if stream && (d == 0 || h.maxStream < d) {
		d = h.maxStream
	}
	if d == 0 {
		return ctx, nil, nil
	}
	ctx, cancel = context.WithTimeout(ctx, d)
	return ctx, cancel, nil
}

// callState is what one call needs besides its arguments' values, pooled:
// the body's buffer, the decoder that reads it and the encoder of the
// result.
type callState struct {
	body    bytes.Buffer
	limit   io.LimitedReader
	dec     jsontext.Decoder
	out     bytes.Buffer
	enc     jsontext.Encoder
	conn    connControl
	call    Call   // what interceptors see of the call
	inline  [4]any // backs the arguments of most calls
	inlined int    // how many of inline the call may have used
	read    bool   // a GET or HEAD of a get action
	int64s  bool   // the client asked for 64-bit integers as strings

	uploads uploads    // the files of a multipart call
	browser bool       // a form post without JavaScript: answered with a redirect
	form    url.Values // the values of a form post

	// The type encode saw last and whether it holds a time.Duration: the
	// items of a stream share one type, which spares looking it up for each.
	encType     reflect.Type
	encDuration bool
}

// fileUnmarshal returns the codec's unmarshaler of the call's files, nil
// when it has none.
func (st *callState) fileUnmarshal() *json.Unmarshalers {
	if st.uploads.files == nil {
		return nil
	}
	return st.uploads.fileUnmarshal()
}

var calls = sync.Pool{New: func() any { return new(callState) }}

// maxPooledBuffer is the largest buffer kept for the next call: one of a
// body of the default size or a result like it, so that calls of that size
// grow no buffer in the steady state (a buffer grows by doubling, a dozen
// allocations for a megabyte), while a larger one does not hold its memory
// for good. The pool lets go of what it holds when collections find it
// unused.
const maxPooledBuffer = 2 * DefaultMaxBodyBytes

// release removes the call's temporary files, whatever its outcome, and
// puts st back in the pool.
func (st *callState) release() {
	st.uploads.remove()
	st.call = Call{}
	clear(st.inline[:st.inlined])
	st.inlined = 0
	st.conn = connControl{}
	st.browser, st.form = false, nil
	st.limit.R = nil
	st.read = false
	st.int64s = false
	st.encType = nil
	if st.body.Cap() > maxPooledBuffer || st.out.Cap() > maxPooledBuffer {
		return
	}
	st.body.Reset()
	st.out.Reset()
	calls.Put(st)
}

// checkRequest checks everything about r but its body. It returns the
// HTTP status to refuse the request with, 0 for the one of the error's code.
func (h *Handler) checkRequest(w http.ResponseWriter, r *http.Request, rh *requestHeaders, a *Action) (int, error) {
	if h.hosts != nil && !h.hosts.allows(r.Host) {
		return 0, Errorf(CodePermissionDenied, "host %q is not served", r.Host)
	}
	if r.Method != http.MethodPost {
		if a.Get {
			w.Header().Set("Allow", "GET, HEAD, POST")
			return http.StatusMethodNotAllowed, Errorf(CodeInvalidArgument, "method %s is not allowed, only GET, HEAD and POST", r.Method)
		}
		w.Header().Set("Allow", http.MethodPost)
		return http.StatusMethodNotAllowed, Errorf(CodeInvalidArgument, "method %s is not allowed, only POST", r.Method)
	}
	if !rh.sameOriginOrNoBrowser() && h.crossOrigin.Check(r) != nil {
		return 0, Errorf(CodePermissionDenied, "cross-origin request refused")
	}
	ct := rh.contentType
	if !accepts(a, ct, rh.multipart) {
		w.Header().Set("Accept-Post", acceptPost(a))
		return http.StatusUnsupportedMediaType, Errorf(CodeInvalidArgument, "Content-Type must be %s, not %q", acceptPost(a), ct)
	}
	if ce := rh.contentEncoding; len(ce) > 0 && !(len(ce) == 1 && strings.EqualFold(ce[0], "identity")) {
		return http.StatusUnsupportedMediaType, Errorf(CodeInvalidArgument, "Content-Encoding %q is not accepted", strings.Join(ce, ", "))
	}
	if rh.multipart && r.ContentLength > h.maxUploadBytes {
		return http.StatusRequestEntityTooLarge, Errorf(CodeResourceExhausted, "the upload is larger than %d bytes", h.maxUploadBytes)
	} else if !rh.multipart && r.ContentLength > h.maxBodyBytes {
		return http.StatusRequestEntityTooLarge, h.tooLarge()
	}
	return 0, nil
}

// accepts reports whether action a takes a body of content type ct, which
// multipart says is multipart/form-data: JSON always, multipart/form-data
// for an action that takes files or a form,
// application/x-www-form-urlencoded for a form.
func accepts(a *Action, ct string, multipart bool) bool {
	if isJSON(ct) {
		return true
	}
	if a.Form == nil && !a.Files {
		return false
	}
	if multipart {
		return true
	}
	return a.Form != nil && isURLEncoded(ct)
}

// acceptPost lists the content types action a takes.
func acceptPost(a *Action) string {
	switch {
	case a.Form != nil:
		return "application/json, application/x-www-form-urlencoded or multipart/form-data"
	case a.Files:
		return "application/json or multipart/form-data"
	}
	return "application/json"
}

// isURLEncoded reports whether ct is application/x-www-form-urlencoded.
func isURLEncoded(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && mt == "application/x-www-form-urlencoded"
}

// readArgs reads the arguments of a call into st.body as the JSON array
// the decoder takes: a POST's JSON body, a read's query, the args part and
// files of a multipart call, or a form's fields, converted by the action's
// form fields.
func (h *Handler) readArgs(w http.ResponseWriter, rc *connControl, r *http.Request, rh *requestHeaders, a *Action, st *callState) (int, error) {
	if st.read {
		return 0, h.readQuery(r, st)
	}
	boundary, multi := rh.boundary, rh.multipart
	form := a.Form != nil && (multi || isURLEncoded(rh.contentType))
	st.browser = form && !rh.client
	switch {
	case multi:
		var values url.Values
		if form {
			values = url.Values{}
		}
		deadline := rc.readWithin(h.readTimeout)
		status, err := h.readMultipart(w, r, boundary, st, values)
		if err != nil {
			w.Header().Set("Connection", "close") // what is left of the body is not read
			return status, err
		}
		if deadline {
			rc.clearRead()
		}
		if form && st.body.Len() == 0 {
			st.form = values
			return 0, formJSON(&st.body, a.Form, values, st.uploads.form)
		}
		return 0, nil
	case form:
		if status, err := h.readBody(w, rc, r, st); err != nil {
			return status, err
		}
		values, err := url.ParseQuery(st.body.String())
		if err != nil {
			return 0, Errorf(CodeInvalidArgument, "the form is not URL-encoded: %v", err)
		}
		st.form = values
		st.body.Reset()
		return 0, formJSON(&st.body, a.Form, values, nil)
	}
	return h.readBody(w, rc, r, st)
}

// refuse sends err for a call refused before its action ran: as an error
// response, or, for a form post without JavaScript, as a redirect back
// with the outcome.
func (h *Handler) refuse(ctx context.Context, w http.ResponseWriter, r *http.Request, a *Action, st *callState, status int, err error) {
	if st.browser {
		h.formDone(ctx, w, r, a, st, "", err)
		return
	}
	h.fail(ctx, w, r, a, status, err)
}

// formDone answers a form post without JavaScript: 303 See Other to where
// the action's Redirect sends it, else back to the form's page, with the
// outcome in a cookie for that page (Handler.FormResult).
func (h *Handler) formDone(ctx context.Context, w http.ResponseWriter, r *http.Request, a *Action, st *callState, redirect string, err error) {
	o := &FormOutcome{Action: a.ID, OK: err == nil}
	if err != nil {
		body, _ := h.errorBody(ctx, r, a, 0, err)
		o.Code, o.Error = body.Code, body.Message
		if d, ok := body.Details.(map[string]any); ok {
			if fields, ok := d["fields"].(map[string]string); ok {
				o.Fields = fields
			}
		}
		o.Values = st.form
	}
	h.setFormOutcome(w, r, o)
	target := backTo(r)
	if redirect != "" {
		target = redirect
	}
	hd := w.Header()
	hd.Set("Location", target)
	hd["Cache-Control"] = noStore
	w.WriteHeader(http.StatusSeeOther)
}

func (h *Handler) tooLarge() *Error {
	return Errorf(CodeResourceExhausted, "the request body is larger than %d bytes", h.maxBodyBytes)
}

// readBody reads all of r's body into st.body, no more than h.maxBodyBytes
// of it, within h.readTimeout. The buffer grows with the bytes received, by
// doubling, never with what Content-Length announces: a client that
// declares a large body and sends nothing holds no memory for it. It reads
// up to io.EOF, so that the server, which watches the connection for the
// client going away once the body is consumed, cancels the request's
// context when that happens; the read deadline is lifted then, or that
// watch would end the call at the deadline.
func (h *Handler) readBody(w http.ResponseWriter, rc *connControl, r *http.Request, st *callState) (int, error) {
	if r.Body == nil || r.Body == http.NoBody && r.ContentLength <= 0 {
		// What the server gives a request without a body: nothing to read,
		// and already watched.
		return 0, nil
	}
	deadline := rc.readWithin(h.readTimeout)
	st.limit = io.LimitedReader{R: r.Body, N: h.maxBodyBytes + 1}
	if _, err := st.body.ReadFrom(&st.limit); err != nil {
		return h.readFailed(w, "request body", err)
	}
	if deadline {
		rc.clearRead()
	}
	n := int64(st.body.Len())
	switch {
	case n > h.maxBodyBytes:
		return http.StatusRequestEntityTooLarge, h.tooLarge()
	case r.ContentLength > 0 && n > r.ContentLength:
		return 0, Errorf(CodeInvalidArgument, "the body is longer than its Content-Length")
	case r.ContentLength > 0 && n < r.ContentLength:
		return 0, Errorf(CodeInvalidArgument, "the body is shorter than its Content-Length")
	}
	return 0, nil
}

// readFailed words an error reading a request's body, JSON or multipart.
// The server would read what is left of the body before it answers: a
// connection that failed to send it is closed instead, and its deadline
// stays, so nothing waits for it.
func (h *Handler) readFailed(w http.ResponseWriter, what string, err error) (int, error) {
	w.Header().Set("Connection", "close")
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return http.StatusRequestTimeout, Errorf(CodeDeadlineExceeded, "the request body did not arrive within %v", h.readTimeout)
	}
	return 0, Errorf(CodeInvalidArgument, "reading the %s: %v", what, err)
}

// isJSON reports whether ct is application/json, with at most a charset
// parameter of utf-8.
func isJSON(ct string) bool {
	switch ct {
	case "application/json", "application/json; charset=utf-8":
		return true // what clients send, without folding case or parsing
	}
	if strings.EqualFold(ct, "application/json") || strings.EqualFold(ct, "application/json; charset=utf-8") {
		return true
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

// call runs the action, through its interceptors if it has any, and writes
// its result, recovering a panic. The headers the action set go out
// whatever the outcome. The response is written within h.writeTimeout of
// the action's return, so a client that stops reading cannot hold the
// connection.
func (h *Handler) call(ctx context.Context, w http.ResponseWriter, r *http.Request, rc *connControl, s *served, args []any, st *callState) {
	a := s.Action
	cc := &callContext{Context: ctx, req: r}
	writing := false // the write deadline is set
	// One deferred function, not one more for the deadline: the compiler
	// inlines a function's defers only while they are few.
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			cc.send(w)
			h.refuse(ctx, w, r, a, st, 0, &PanicError{Value: p, Stack: debug.Stack()})
		}
		if writing {
			// The connection may serve other handlers next: lift the
			// deadline once the response is written.
			rc.clearWrite()
		}
	}()
	var result any
	var err error
	if s.invoke == nil {
		result, err = a.Call(cc, args)
	} else {
		result, err = s.intercepted(cc, r, args, &st.call)
	}
	redirect := cc.send(w)
	writing = rc.writeWithin(h.writeTimeout)
	if st.browser {
		if f, ok := fileResult(result); ok && err == nil {
			h.sendFile(ctx, w, r, a, f)
			return
		}
		h.formDone(ctx, w, r, a, st, redirect, err)
		return
	}
	if err != nil {
		h.fail(ctx, w, r, a, 0, err)
		return
	}
	if f, ok := fileResult(result); ok {
		h.sendFile(ctx, w, r, a, f)
		return
	}
	if !a.Returns {
		setHeaders(w.Header())
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if a.Stream {
		seq, ok := result.(iter.Seq2[any, error])
		if !ok {
			h.fail(ctx, w, r, a, 0, fmt.Errorf("the stream action returned %T, not the result of actions.Stream or Stream2", result))
			return
		}
		h.stream(ctx, w, r, rc, a, seq, st)
		return
	}
	out, err := st.encode(result)
	if err != nil {
		h.fail(ctx, w, r, a, 0, fmt.Errorf("encoding the result: %w", err))
		return
	}
	if st.read {
		h.writeRead(w, r, a, out)
		return
	}
	setHeaders(w.Header())
	w.WriteHeader(http.StatusOK)
	w.Write(out)
}

// fileResult returns the File a result is, if it is one.
func fileResult(result any) (File, bool) {
	switch f := result.(type) {
	case File:
		return f, true
	case *File:
		if f != nil {
			return *f, true
		}
	}
	return File{}, false
}

// sendFile sends a File result; an error opening it fails the call, one
// while sending it is logged (the status is gone).
func (h *Handler) sendFile(ctx context.Context, w http.ResponseWriter, r *http.Request, a *Action, f File) {
	rc, err := f.Open()
	if err != nil {
		h.fail(ctx, w, r, a, 0, fmt.Errorf("opening the file result: %w", err))
		return
	}
	if err := writeFile(w, f, rc); err != nil && r.Context().Err() == nil {
		h.logger.LogAttrs(ctx, slog.LevelWarn, "sending a file result", slog.String("action", a.ID), slog.String("error", err.Error()))
	}
}

// intercepted calls the action through its interceptors, with c as the
// Call they see, whose Args are the pointers the action is called with. c
// is the call state's, reused by the next call as Call's documentation
// says: a Call of its own would be the only allocation an interceptor adds.
func (s *served) intercepted(ctx context.Context, r *http.Request, args []any, c *Call) (any, error) {
	*c = Call{ID: s.ID, Request: r, Args: args, action: s.Action}
	return s.invoke(ctx, c)
}

// encode returns the JSON of v as the codec writes it, valid until st is
// released or encodes again.
func (st *callState) encode(v any) ([]byte, error) {
	st.out.Reset()
	out, err := st.encodeAfter(v)
	if err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(out, newline), nil // the encoder ends each value with one
}

// encodeFrame returns prefix, the JSON of v and a blank line, as one frame
// of a stream, valid until st is released or encodes again.
func (st *callState) encodeFrame(prefix []byte, v any) ([]byte, error) {
	st.out.Reset()
	st.out.Write(prefix)
	out, err := st.encodeAfter(v)
	if err != nil {
		return nil, err
	}
	if !bytes.HasSuffix(out, newline) {
		st.out.WriteByte('\n')
	}
	st.out.WriteByte('\n')
	return st.out.Bytes(), nil
}

// encodeAfter appends the JSON of v to st.out, perhaps with a newline
// after it, and returns all of st.out.
func (st *callState) encodeAfter(v any) ([]byte, error) {
	if s, ok := v.(string); ok && plainString(s) {
		// The JSON of such a string is itself in quotes: no need for the
		// codec's look-ups by type.
		st.out.WriteByte('"')
		st.out.WriteString(s)
		st.out.WriteByte('"')
		return st.out.Bytes(), nil
	}
	var opts json.Options
	switch {
	case st.int64s && st.read:
		opts = int64ReadEncode
	case st.int64s:
		opts = int64Encode
	case st.read:
		opts = readOptions
	case v != nil:
		if t := reflect.TypeOf(v); t != st.encType {
			st.encType, st.encDuration = t, encodesDuration(t)
		}
		if st.encDuration {
			opts = encodeOptions
		}
	}
	// The options go to the encoder, which MarshalEncode uses as they are:
	// given to MarshalEncode, they would be joined to the encoder's and
	// restored after, which costs more than encoding a small struct.
	if opts == nil {
		st.enc.Reset(&st.out)
	} else {
		st.enc.Reset(&st.out, opts)
	}
	if err := json.MarshalEncode(&st.enc, v); err != nil {
		return nil, err
	}
	return st.out.Bytes(), nil
}

var newline = []byte("\n")

// plainString reports whether s is printable ASCII that the codec writes
// unescaped: no quote or backslash.
func plainString(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b < 0x20 || b > 0x7e, b == '"', b == '\\':
			return false
		}
	}
	return true
}

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
// refused before any action ran (405, 408, 413, 415); otherwise the code
// decides. Only an *Error's text reaches the client; any other error, and an
// *Error with CodeInternal, is logged with an error ID that the response
// carries. ctx is the call's, whose deadline tells an action's own timeout
// (worth logging) from the one the client asked for.
func (h *Handler) fail(ctx context.Context, w http.ResponseWriter, r *http.Request, a *Action, status int, err error) {
	body, status := h.errorBody(ctx, r, a, status, err)
	writeErrorBody(w, status, body)
}

// errorBody returns the body and status fail sends for err, logging what
// it must.
func (h *Handler) errorBody(ctx context.Context, r *http.Request, a *Action, status int, err error) (*wireError, int) {
	id := ""
	if a != nil {
		id = a.ID
	}
	if h.onError != nil {
		if translated := h.translate(r, id, err); translated != nil {
			if !samePointer(translated, err) {
				status = 0 // a new error: its code decides
			}
			err = translated
		}
	}
	e, ok := errors.AsType[*Error](err)
	if fe, isFields := errors.AsType[FieldErrors](err); !ok && isFields {
		e, ok = asFieldErrors(fe), true
	}
	if ok && e == nil {
		// A nil *Error returned as an error is not nil: a bug of the
		// action's, logged as such.
		ok, err = false, errors.New("the action returned a nil *actions.Error as its error, which is not nil")
	}
	logged := false
	if !ok {
		// A context error the action passed on says why the call ended.
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			e, ok = Errorf(CodeDeadlineExceeded, "the call ran out of time"), true
			// Unless the call's own deadline passed, the time ran out
			// for something the action waited for: worth a log line.
			logged = ctx.Err() == nil
		case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
			e, ok = Errorf(CodeAborted, "the call was canceled"), true
		}
	}
	if ok && e.Code.known() && e.Code != CodeInternal {
		if status == 0 {
			status = e.Code.HTTPStatus()
		}
		if logged {
			h.logger.LogAttrs(r.Context(), slog.LevelWarn, "action failed",
				slog.String("action", id), slog.String("code", string(e.Code)), slog.String("error", err.Error()))
		}
		return &wireError{Code: e.Code, Message: e.Message, Details: e.Details}, status
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
	return &wireError{Code: CodeInternal, Message: internalMessage, ID: errID}, http.StatusInternalServerError
}

// translate calls Options.OnError. A panic there is recovered like an
// action's: the call fails as internal, and the panic is logged.
func (h *Handler) translate(r *http.Request, id string, err error) (translated error) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			translated = &PanicError{Value: fmt.Sprintf("in Options.OnError: %v (handling: %v)", p, err), Stack: debug.Stack()}
		}
	}()
	return h.onError(r, id, err)
}

// samePointer reports whether a and b are the same *Error. (Comparing two
// errors with == panics when their dynamic type is not comparable.)
func samePointer(a, b error) bool {
	pa, ok := a.(*Error)
	pb, _ := b.(*Error)
	return ok && pa == pb
}

func writeErrorBody(w http.ResponseWriter, status int, body *wireError) {
	out, _ := marshalErrorBody(body)
	setHeaders(w.Header())
	w.WriteHeader(status)
	w.Write(out)
}

// marshalErrorBody returns the JSON of an error body.
func marshalErrorBody(body *wireError) ([]byte, error) {
	// A message may quote the client's own bytes (a method, a header),
	// which the codec writes only as valid UTF-8.
	body.Message = strings.ToValidUTF8(body.Message, "\uFFFD")
	out, err := json.Marshal(body, encodeOptions)
	if err != nil {
		// Details that cannot be encoded: send the error without them.
		body.Details = nil
		out, err = json.Marshal(body, encodeOptions)
	}
	return out, err
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
