// Package shapes holds one action per signature shape: with and without a
// context, an error, a result, and zero, one or several parameters.
package shapes

import (
	"context"
	"errors"
	"strings"
)

// Nothing takes nothing and returns nothing.
//
//actions:server
func Nothing() {}

// ContextOnly takes only a context.
//
//actions:server
func ContextOnly(ctx context.Context) {}

// ErrorOnly returns only an error.
//
//actions:server
func ErrorOnly() error { return nil }

// Fails always fails with an error that is not an actions error.
//
//actions:server
func Fails(ctx context.Context) error { return errors.New("it failed") }

// Result returns a value and no error.
//
//actions:server
func Result() string { return "result" }

// ResultError returns a value and an error.
//
//actions:server
func ResultError(ctx context.Context) (int, error) { return 42, nil }

// OneParam takes one parameter.
//
//actions:server
func OneParam(name string) string { return "hello " + name }

// SeveralParams takes a context and several parameters.
//
//actions:server
func SeveralParams(ctx context.Context, a int, b string, c []string) (string, error) {
	return strings.Repeat(b, a) + strings.Join(c, ","), nil
}

// Unnamed has unnamed parameters: they become arg0, arg1.
//
//actions:server
func Unnamed(int, string) bool { return true }

// Blank has parameters named _, which get names by position, and a blank
// context.
//
//actions:server
func Blank(_ context.Context, _ int, b bool, _ string) bool { return b }

// Grouped declares parameters that share a type.
//
//actions:server
func Grouped(x, y int, label string) string { return label }

// Reserved has parameters whose names are reserved words in JavaScript.
//
//actions:server
func Reserved(class string, new int, this bool, function string) string { return class }

// Options is the second parameter of Search.
type Options struct {
	Limit int `json:"limit"`
}

// Search has a parameter named opts, like the call options of a stub.
//
//actions:server
func Search(ctx context.Context, query string, opts Options) ([]string, error) {
	return []string{query}, nil
}

// Delete has a name that is a reserved word in JavaScript once lowered.
//
//actions:server
func Delete(ctx context.Context, id string) error { return nil }

// New is another reserved word once lowered.
//
//actions:server
func New() string { return "new" }

// GetURL keeps its initialism together: getURL.
//
//actions:server
func GetURL() string { return "/" }

// ID is all initialism: id.
//
//actions:server
func ID() string { return "id" }

// ping is unexported: the directive on it is explicit, so it is an action.
//
//actions:server
func ping() string { return "pong" }

// NotAnAction has no directive.
func NotAnAction() {}
