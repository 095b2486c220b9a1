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
	"net/http"
	"runtime/debug"
	"strings"
)

// Options configures a Handler. The zero value is the secure default.
type Options struct {
	// Prefix is the path the handler is mounted at; an action is served at
	// Prefix + ID. Default "/_actions/".
	Prefix string
	// Logger receives internal errors and recovered panics. Default
	// slog.Default().
	Logger *slog.Logger
}

// Handler serves actions over HTTP. Make one with NewHandler or New.
type Handler struct {
	prefix  string
	logger  *slog.Logger
	actions map[string]*Action
}

// NewHandler returns a handler serving the given groups of actions, each
// usually the result of a generated Actions function, with default options.
// It panics if two actions share an ID, naming the ID, as http.ServeMux does
// for conflicting patterns: that is a programming error found at start-up.
// Use New to get the error instead and to set options.
func NewHandler(groups ...[]Action) *Handler {
	h, err := New(Options{}, groups...)
	if err != nil {
		panic(err)
	}
	return h
}

// New returns a handler serving the given groups of actions with the given
// options. It fails if two actions share an ID or an action is incomplete.
func New(opts Options, groups ...[]Action) (*Handler, error) {
	h := &Handler{
		prefix:  opts.Prefix,
		logger:  opts.Logger,
		actions: make(map[string]*Action),
	}
	if h.prefix == "" {
		h.prefix = "/_actions/"
	}
	if h.logger == nil {
		h.logger = slog.Default()
	}
	for _, group := range groups {
		for i := range group {
			a := &group[i]
			if a.ID == "" || a.Call == nil {
				return nil, fmt.Errorf("actions: action %q has no ID or no Call", a.ID)
			}
			if _, dup := h.actions[a.ID]; dup {
				return nil, fmt.Errorf("actions: two actions have the ID %q", a.ID)
			}
			h.actions[a.ID] = a
		}
	}
	return h, nil
}

// ServeHTTP serves one call: POST Prefix + ID with a JSON array of arguments.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutPrefix(r.URL.Path, h.prefix)
	a := h.actions[id]
	if !ok || a == nil {
		h.writeError(w, r, nil, Errorf(CodeNotFound, "no action %q", id))
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeErrorBody(w, http.StatusMethodNotAllowed, &wireError{Code: CodeInvalidArgument, Message: "method " + r.Method + " is not allowed; use POST"})
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		h.writeError(w, r, a, Errorf(CodeInvalidArgument, "reading the request body: %v", err))
		return
	}
	args := &Args{params: a.Params}
	if e := args.split(body); e != nil {
		h.writeError(w, r, a, e)
		return
	}
	h.call(w, r, a, args)
}

// call runs the action and writes its result, recovering a panic.
func (h *Handler) call(w http.ResponseWriter, r *http.Request, a *Action, args *Args) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			h.writeError(w, r, a, &panicError{value: p, stack: debug.Stack()})
		}
	}()
	result, err := a.Call(r.Context(), args)
	if err != nil {
		h.writeError(w, r, a, err)
		return
	}
	setHeaders(w.Header())
	if !a.Returns {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	out, err := json.Marshal(result)
	if err != nil {
		h.writeError(w, r, a, fmt.Errorf("encoding the result: %w", err))
		return
	}
	w.WriteHeader(http.StatusOK)
	w.Write(out)
}

// panicError carries a recovered panic to the log.
type panicError struct {
	value any
	stack []byte
}

func (p *panicError) Error() string { return fmt.Sprintf("panic: %v", p.value) }

// wireError is the JSON error body.
type wireError struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
	Details any    `json:"details,omitempty"`
	ID      string `json:"id,omitempty"`
}

// internalMessage is the only text an internal error shows the client.
const internalMessage = "internal error"

// writeError writes err as the error body. Only an *Error's text reaches the
// client; anything else is logged with an error ID that the body carries.
func (h *Handler) writeError(w http.ResponseWriter, r *http.Request, a *Action, err error) {
	var e *Error
	if errors.As(err, &e) && e.Code.known() && e.Code != CodeInternal {
		body := &wireError{Code: e.Code, Message: e.Message, Details: e.Details}
		writeErrorBody(w, e.Code.HTTPStatus(), body)
		return
	}
	errID := newErrorID()
	attrs := []any{slog.String("error_id", errID), slog.String("error", err.Error())}
	if a != nil {
		attrs = append(attrs, slog.String("action", a.ID))
	}
	var p *panicError
	if errors.As(err, &p) {
		attrs = append(attrs, slog.String("stack", string(p.stack)))
	}
	h.logger.ErrorContext(r.Context(), "action failed", attrs...)
	writeErrorBody(w, http.StatusInternalServerError, &wireError{Code: CodeInternal, Message: internalMessage, ID: errID})
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

func setHeaders(h http.Header) {
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
}

// newErrorID returns a random ID that matches a response to its log line.
func newErrorID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// split parses the body as a JSON array of exactly len(params) values.
func (a *Args) split(body []byte) *Error {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		body = []byte("[]")
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(body, &elems); err != nil {
		return Errorf(CodeInvalidArgument, "the body must be a JSON array of arguments: %v", err)
	}
	if len(elems) != len(a.params) {
		return Errorf(CodeInvalidArgument, "want %d arguments (%s), got %d", len(a.params), strings.Join(a.params, ", "), len(elems))
	}
	a.elems = elems
	return nil
}

// validator is the method an argument may have to check itself.
type validator interface{ Validate() error }

var _ = context.Background
