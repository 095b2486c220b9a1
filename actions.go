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
// on a duplicate action ID or a bad option.
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
// The JSON is encoding/json/v2's, with its default options (nil slices and
// maps are [] and {}, names match exactly), unknown members refused, and
// time.Duration as integer nanoseconds: JSONOptions returns those options.
//
// # Errors
//
// Only the text of an *Error (made with Errorf, or wrapped with %w in
// another error) reaches the client. Any other error, an *Error with
// CodeInternal or a code not listed here, and a panic in an action become
// CodeInternal with the fixed message "internal error" and a random error
// ID; the real error, the action ID and the error ID (and, for a panic, the
// stack) are logged with log/slog. An error that wraps
// context.DeadlineExceeded is sent as CodeDeadlineExceeded, and logged when
// the action's own deadline did not pass (a database timeout is news); one
// that wraps context.Canceled once the client has gone away, as
// CodeAborted, unlogged. Options.OnError sees every error first and may
// translate it.
//
// # Untrusted input
//
// Arguments come from the client, so the handler refuses, before the
// action's code runs:
//   - a Host not in Options.AllowedHosts, when that is set: 403,
//     permission_denied;
//   - a method other than POST: 405 with Allow: POST, code invalid_argument;
//   - a cross-site request, by http.CrossOriginProtection (Sec-Fetch-Site,
//     else Origin against Host; X-Forwarded-Host is not trusted; a request
//     with neither header passes, as curl's do; Options.AllowedOrigins are
//     trusted): 403, permission_denied;
//   - a Content-Type other than application/json (a charset parameter must
//     say utf-8), or any Content-Encoding: 415, invalid_argument;
//   - more calls at once than Options.MaxConcurrent: 429,
//     resource_exhausted, at once;
//   - a body over Options.MaxBodyBytes (1 MiB), by its Content-Length before
//     reading and while reading: 413, resource_exhausted. The body is read
//     into memory that grows with the bytes received, never with what
//     Content-Length announces, under Options.ReadTimeout;
//   - a body that the codec refuses: not one JSON array with nothing after
//     it, a duplicate member name, invalid UTF-8 or an unpaired surrogate
//     escape, an unknown member (names match case-sensitively), a value of
//     the wrong type or out of range, null for an argument whose type
//     cannot be null, or nesting deeper than Options.MaxDepth (32): 400,
//     invalid_argument, with a message that names the argument and the JSON
//     path inside it;
//   - the wrong number of arguments: 400, invalid_argument.
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
	"strconv"
	"strings"
	"time"
)

// GeneratedCodeVersion2 is referenced by every generated actions_gen.go. When
// the contract between glue and runtime changes, it is renamed, so glue made
// for another runtime stops compiling, at a line whose comment says to run
// go generate again, instead of misbehaving at run time. Version 2 is the
// glue that declares its parameters with Param.
const GeneratedCodeVersion2 = true

// Action is one callable function, as the generated glue describes it.
type Action struct {
	// ID names the action on the wire: "cart.AddToCart" is served at
	// /_actions/cart.AddToCart.
	ID string
	// Params declares the arguments the client sends, in order (the context
	// is not sent), each made with Param: the handler decodes each into a
	// new value of its type before Call runs, and names it in error
	// messages.
	Params []Parameter
	// Returns is true when the function returns a value: the response is 200
	// with the JSON of that value. Otherwise a success is 204 with no body.
	Returns bool
	// Stream is true for an action whose result is a stream (an iter.Seq
	// or iter.Seq2 in Go): Call returns what Stream or Stream2 made of it,
	// and the response sends each item as it is produced (see Stream).
	Stream bool
	// Get is true for a read (the directive's get option): the action is
	// also served by GET and HEAD, its arguments in the query, and its
	// result may be cached for Cache (no-cache when zero). See Handler.
	Get   bool
	Cache time.Duration
	// Files is true for an action that takes files (a parameter of type
	// File, or one that holds some): it also takes multipart/form-data.
	Files bool
	// Form, for an action with the directive's form option, describes the
	// fields of its one struct parameter: it also takes HTML forms,
	// application/x-www-form-urlencoded and multipart/form-data.
	Form []FormField
	// Fingerprint identifies the action's wire shape: its parameters and
	// result as the codec writes them, and whether it streams or is a get
	// action. The generator computes it; the TypeScript client it made
	// sends the same value in the Actions-Fingerprint header with each
	// call, and a call that sends another one is refused with
	// CodeStaleClient before its body is read: the client was made for
	// another version of the server. Empty (glue written by hand, or made
	// by an older generator) checks nothing.
	Fingerprint string
	// Call calls the function. args holds one pointer per parameter, to the
	// decoded and validated value of the type Param declared (a *T for
	// Param[T]); it is valid only until Call returns. Call returns the
	// function's result (nil when Returns is false) and error.
	Call func(ctx context.Context, args []any) (any, error)

	interceptors []Interceptor // set by Intercept
}

// countArgs says how many arguments a call needs, naming them.
func countArgs(params []Parameter) string {
	switch len(params) {
	case 0:
		return "no arguments"
	case 1:
		return "1 argument (" + params[0].Name + ")"
	}
	var s strings.Builder
	s.WriteString(strconv.Itoa(len(params)) + " arguments (")
	for i, p := range params {
		if i > 0 {
			s.WriteString(", ")
		}
		s.WriteString(p.Name)
	}
	s.WriteString(")")
	return s.String()
}
