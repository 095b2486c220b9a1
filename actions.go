// Package actions is the runtime that generated glue calls: it serves Go
// functions marked //actions:server over HTTP so the generated TypeScript
// client can call them.
//
// A server mounts the actions of each package, as declared by the generated
// Actions function of that package:
//
//	h := actions.NewHandler(cart.Actions(), account.Actions())
//	http.Handle("/_actions/", h)
//
// The package uses the standard library only.
package actions

import "context"

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

// Args decodes the arguments of one call, in order.
type Args struct {
	// filled in by the handler
}

// Decode decodes the next argument into v, which must be a non-nil pointer.
// A decoding failure, and a failed Validate() error method on the argument,
// is returned as an *Error with CodeInvalidArgument that names the argument;
// generated glue returns it unchanged.
func (a *Args) Decode(v any) error {
	panic("not implemented yet")
}
