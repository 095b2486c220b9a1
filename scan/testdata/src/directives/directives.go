// Package directives misuses the directive in every way the scanner
// reports.
package directives

// Spaced has a space after the slashes.
//
// want +2 1 `"// actions:server" is not a directive: write //actions:server, with no space after //`
//
// actions:server
func Spaced() {}

// Unknown misspells the directive.
//
// want +2 1 `unknown directive //actions:serve: the only one is //actions:server`
//
//actions:serve
func Unknown() {}

// UnknownOption has an option that does not exist.
//
// want +2 1 `unknown option "method" after //actions:server`
//
//actions:server method=GET
func UnknownOption() {}

// Malformed has an option that is not key=value.
//
// want +2 1 `malformed option "fast" after //actions:server: options are key=value words`
//
//actions:server fast
func Malformed() {}

// Twice has the directive twice.
//
// want +3 1 `duplicate //actions:server on Twice`
//
//actions:server
//actions:server
func Twice() {}

// Service has methods.
type Service struct{}

// Method is a method.
//
// want +2 1 `//actions:server on method Method: only top-level functions can be actions`
//
//actions:server
func (Service) Method() {}

// Item is a type.
//
// want +2 1 `//actions:server on a type declaration: only functions can be actions`
//
//actions:server
type Item struct{}

// V is a variable.
//
// want +2 1 `//actions:server on a var declaration: only functions can be actions`
//
//actions:server
var V = 1

// C is a constant.
//
// want +2 1 `//actions:server on a const declaration: only functions can be actions`
//
//actions:server
const C = 1

// Body has the directive inside its body.
func Body() {
	// want +1 2 `//actions:server inside a function marks nothing`
	//actions:server
}

// want +1 1 `//actions:server is not attached to a function`
//actions:server

// Floating is separated from the directive by a blank line.
func Floating() {}

// want +2 1 `//actions:server on init: init cannot be called`
//
//actions:server
func init() {}

// Generic is generic.
//
//actions:server
func Generic[T any](v T) T { return v } // want 6 `Generic is generic: a generic function cannot be an action`

// Variadic is variadic.
//
//actions:server
func Variadic(xs ...int) {} // want 6 `Variadic is variadic: a variadic function cannot be an action; take a slice instead`

// Unexported functions may be actions when marked one by one: the glue
// lives in the same package and the directive says what is meant.
//
//actions:server
func unexported() {}

// Clash and clash have the same TypeScript name.
//
//actions:server
func Clash() {}

// clash comes second in source order, so it is the one reported.
//
//actions:server
func clash() {} // want 6 `clash: its TypeScript name clash is also the name of Clash; rename one of them`
