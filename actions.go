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

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
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

// Args decodes the arguments of one call, in order.
type Args struct {
	params []string          // names of the arguments, for messages
	elems  []json.RawMessage // the arguments' JSON, one per param
	next   int               // index of the next argument to decode
}

// Decode decodes the next argument into v, which must be a non-nil pointer.
// A decoding failure, and a failed Validate() error method on the argument,
// is returned as an *Error with CodeInvalidArgument that names the argument;
// generated glue returns it unchanged.
func (a *Args) Decode(v any) error {
	if a.next >= len(a.elems) {
		return fmt.Errorf("actions: Decode called %d times for %d arguments", a.next+1, len(a.elems))
	}
	i := a.next
	a.next++
	dec := json.NewDecoder(bytes.NewReader(a.elems[i]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return Errorf(CodeInvalidArgument, "argument %s: %v", a.params[i], err)
	}
	return validate(a.params[i], v)
}

// validate calls the Validate method of the decoded argument, through the
// pointer v or on the value it points to.
func validate(name string, v any) error {
	val, ok := v.(validator)
	if !ok {
		rv := reflect.ValueOf(v)
		if rv.Kind() == reflect.Pointer && !rv.IsNil() {
			val, ok = rv.Elem().Interface().(validator)
		}
	}
	if !ok {
		return nil
	}
	err := val.Validate()
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return Errorf(CodeInvalidArgument, "argument %s: %v", name, err)
}
