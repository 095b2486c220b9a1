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
// want +2 1 `unknown directive //actions:serve: the directives are //actions:server, and //actions:enum and //actions:ts on a type`
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
// want +2 1 `unknown option "fast" after //actions:server: the options are get, cache=DURATION \(with get\), form and name=tsName`
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

// Options gives options that are not right.
//
// want +2 1 `cache= needs get: only a get action is served by GET`
//
//actions:server cache=30s
func Options() {}

// BadCache has a cache that is not whole seconds.
//
// want +2 1 `cache=1500ms: want a whole number of seconds`
//
//actions:server get cache=1500ms
func BadCache() {}

// BadName names its export with a reserved word.
//
// want +2 1 `name=delete: want a TypeScript identifier that is not a reserved word`
//
//actions:server name=delete
func BadName() {}

// Form has no struct for a form to fill.
//
//actions:server form
func Form() {} // want 6 `Form: form: a form action takes one struct parameter`

// Unfit has a field no form input sends.
type Unfit struct {
	Name  string            `json:"name"`
	Attrs map[string]string `json:"attrs"` // want 2 `FormUnfit: form: field Attrs has a type that no form input sends`
}

// FormUnfit takes a struct with a field a form cannot fill.
//
//actions:server form
func FormUnfit(u Unfit) {}

// ReadForm cannot be a read.
//
//actions:server get form
func ReadForm(u struct{ Name string }) {} // want 6 `ReadForm: get on an action that takes a form or files`

// Item is a type with no methods.
//
// want +2 1 `//actions:server on type Item, which has no exported methods: it marks nothing`
//
//actions:server
type Item struct{}

// V is a variable.
//
// want +2 1 `//actions:server on a var declaration: only functions, methods and types can be marked`
//
//actions:server
var V = 1

// C is a constant.
//
// want +2 1 `//actions:server on a const declaration: only functions, methods and types can be marked`
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
func clash() {} // want 6 `clash: its TypeScript name clash is also the name of Clash at directives.go:140:6; rename one of them, or give one another name with name=`
