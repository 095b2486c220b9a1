// Package actions is the runtime that generated glue calls: it serves Go
// functions marked //actions:server over HTTP so that the generated
// TypeScript client can call them.
//
// A server mounts the actions of each package, as declared by the generated
// Actions function of that package:
//
//	h := actions.NewHandler(cart.Actions(), account.Actions())
//	http.Handle("/_actions/", h)
//
// New does the same with Options and returns an error instead of panicking
// on a duplicate action ID.
//
// # Wire protocol
//
// A call is POST /_actions/<id> with Content-Type application/json and a
// body that is a JSON array of the arguments in order (an empty body is no
// arguments). A success is 200 with the JSON of the result, or 204 with no
// body when the function returns no value. A failure is a JSON body
//
//	{"code": "not_found", "message": "no item \"x\"", "details": …, "id": …}
//
// with the HTTP status of the code (see Code); "details" is there when the
// *Error has Details, "id" on internal errors. Every response, success or
// failure, has Content-Type application/json; charset=utf-8,
// X-Content-Type-Options nosniff and Cache-Control no-store.
//
// # Errors
//
// Only the text of an *Error (made with Errorf, or wrapped with %w in
// another error) reaches the client. Any other error, an *Error with
// CodeInternal or a code not listed here, and a panic in an action become
// CodeInternal with the fixed message "internal error" and a random error
// ID; the real error, the action ID and the error ID (and, for a panic, the
// stack) are logged with log/slog. An error that wraps
// context.DeadlineExceeded is sent as CodeDeadlineExceeded; one that wraps
// context.Canceled once the client has gone away, as CodeAborted, unlogged.
// Options.OnError sees every error first and may translate it.
//
// # Untrusted input
//
// Arguments come from the client, so the handler refuses, before the
// action's code runs:
//   - a method other than POST: 405 with Allow: POST, code invalid_argument;
//   - a cross-site request, by http.CrossOriginProtection (Sec-Fetch-Site,
//     else Origin against Host; X-Forwarded-Host is not trusted; a request
//     with neither header passes, as curl's do; Options.AllowedOrigins are
//     trusted): 403, permission_denied;
//   - a Content-Type other than application/json (a charset parameter must
//     say utf-8), or any Content-Encoding: 415, invalid_argument;
//   - a body over Options.MaxBodyBytes (1 MiB), by its Content-Length before
//     reading and while reading: 413, resource_exhausted;
//   - JSON that is not one array of values with nothing after it, nests
//     deeper than Options.MaxDepth (32), repeats a key in an object, or has
//     a string that is not valid UTF-8 or holds an unpaired surrogate escape
//     (encoding/json would silently turn those into U+FFFD): 400,
//     invalid_argument;
//   - the wrong number of arguments, an argument of the wrong type, and an
//     object key that is not the exact JSON name of a field of the struct
//     it fills: 400, invalid_argument, with a message that names the
//     argument. encoding/json alone matches keys case-insensitively, so
//     {"SKU": …} would fill the field named "sku"; this package refuses it,
//     as encoding/json/v2 does by default. Keys of maps and of values a type
//     decodes itself (json.Unmarshaler, encoding.TextUnmarshaler, any) are
//     not checked.
//
// After decoding, an argument whose type (or pointer to it) has a method
// Validate() error is validated before the call; an *Error from Validate
// keeps its code, any other error is sent as invalid_argument with its
// message. A null pointer argument is not validated.
//
// # Other origins
//
// A page served from another origin, listed in Options.AllowedOrigins, may
// call actions from a browser: the handler answers its CORS preflight
// requests and lets it read responses, with credentials. No other origin
// gets CORS headers.
//
// # Context
//
// The action's context is the request's: it is canceled when the client goes
// away. A client may ask for a deadline with the Actions-Timeout-Ms header
// (milliseconds), capped by Options.MaxTimeout.
//
// The package uses the standard library only.
package actions

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"sync/atomic"
)

// GeneratedCodeVersion1 is referenced by every generated actions_gen.go. When
// the contract between glue and runtime changes, it is renamed, so glue made
// for another runtime stops compiling with a message that names it instead of
// misbehaving at run time.
const GeneratedCodeVersion1 = true

// Action is one callable function, as the generated glue describes it.
type Action struct {
	// ID names the action on the wire: "cart.AddToCart" is served at
	// /_actions/cart.AddToCart.
	ID string
	// Params names the arguments the client sends, in order (the context is
	// not sent). Their count is checked before Call runs, and the names appear
	// in error messages.
	Params []string
	// Returns is true when the function returns a value: the response is 200
	// with the JSON of that value. Otherwise a success is 204 with no body.
	Returns bool
	// Call decodes the arguments with args, calls the function and returns
	// its result (nil when Returns is false) and error.
	Call func(ctx context.Context, args *Args) (any, error)
}

// Args decodes the arguments of one call, in order. It is valid only until
// Call returns.
type Args struct {
	action *served // whose Params name the arguments, for messages
	body   []byte  // the request body, checked by splitArgs
	spans  []span  // where each argument is in body, one per param
	inline [4]span // backs spans for most calls
	next   int     // index of the next argument to decode
	// keys holds, for each of the first arguments, the schema whose keys
	// the pre-pass found exact, or nil.
	keys [keyArgs]*schema
}

// served is an action and what the handler learns about its arguments.
type served struct {
	*Action
	// learned holds, for each argument, the schema of the type that Decode
	// last checked its keys against (empty outside a Handler): the
	// pre-pass of the next call checks them too, and Decode skips its own
	// walk when the type is the same.
	learned []atomic.Pointer[schema]
}

func newServed(a *Action) *served {
	return &served{Action: a, learned: make([]atomic.Pointer[schema], len(a.Params))}
}

// split checks the body and finds one argument per param in it.
func (a *Args) split(body []byte, maxDepth int) *Error {
	params := a.action.Params
	c := checker{data: body, maxDepth: maxDepth, arg: -1, learned: a.action.learned}
	spans, n, err := c.split(len(params), a.inline[:0])
	if err != nil {
		if err.arg >= 0 && err.arg < len(params) {
			return Errorf(CodeInvalidArgument, "argument %s: %v", params[err.arg], err)
		}
		return Errorf(CodeInvalidArgument, "%v", err)
	}
	if n != len(params) {
		return Errorf(CodeInvalidArgument, "want %s, got %d", countArgs(params), n)
	}
	a.body, a.spans, a.keys = body, spans, c.keys
	return nil
}

// countArgs says how many arguments a call needs, naming them.
func countArgs(params []string) string {
	switch len(params) {
	case 0:
		return "no arguments"
	case 1:
		return "1 argument (" + params[0] + ")"
	}
	s := strconv.Itoa(len(params)) + " arguments ("
	for i, p := range params {
		if i > 0 {
			s += ", "
		}
		s += p
	}
	return s + ")"
}

// Decode decodes the next argument into v, which must be a non-nil pointer,
// with encoding/json after checking that every object key that fills a
// struct field is the field's exact JSON name, then calls the argument's
// Validate() error method if it has one. A decoding failure is returned as
// an *Error with CodeInvalidArgument whose message names the argument; so is
// a Validate error, unless it is an *Error already, which keeps its code.
// Generated glue returns the error unchanged.
func (a *Args) Decode(v any) error {
	if a.body == nil {
		return errors.New("actions: Args.Decode called after the action returned")
	}
	if a.next >= len(a.spans) {
		return errors.New("actions: Args.Decode called more times than there are arguments")
	}
	i := a.next
	a.next++
	data := a.body[a.spans[i].start:a.spans[i].end]
	name := a.action.Params[i]
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer {
		return errors.New("actions: Args.Decode needs a non-nil pointer")
	}
	if s := schemaFor(t.Elem()); s != nil && (i >= keyArgs || a.keys[i] != s) {
		// The pre-pass did not check these keys, or found one that is not
		// exact: the walk finds it and says where. The next call's pre-pass
		// will check them.
		if learned := a.action.learned; i < len(learned) && learned[i].Load() != s {
			learned[i].Store(s)
		}
		if err := checkKeys(data, s); err != nil {
			return Errorf(CodeInvalidArgument, "argument %s: %v", name, err)
		}
	}
	if err := unmarshal(data, v); err != nil {
		return Errorf(CodeInvalidArgument, "argument %s: %v", name, err)
	}
	return validate(name, v)
}

// validator is the method an argument may have to check itself.
type validator interface{ Validate() error }

// validate calls the Validate method of the decoded argument, through the
// pointer v or, when v points to a pointer, through that one.
func validate(name string, v any) error {
	val, ok := v.(validator)
	if !ok {
		rv := reflect.ValueOf(v).Elem()
		if rv.Kind() != reflect.Pointer || rv.IsNil() {
			return nil
		}
		if val, ok = rv.Interface().(validator); !ok {
			return nil
		}
	}
	err := val.Validate()
	if err == nil {
		return nil
	}
	if _, ok := errors.AsType[*Error](err); ok {
		return err
	}
	return Errorf(CodeInvalidArgument, "argument %s: %v", name, err)
}
