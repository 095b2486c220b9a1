// Package glueclash has actions and declares a name the glue declares too:
// the glue would not compile.
package glueclash

// Actions is what the glue of a package with actions declares.
var Actions = []string{"a"} // want 5 `^Actions is declared by the generated actions_gen\.go of every package with actions; rename this one$`

//actions:server
func Ping() error { return nil }

// A method may have the name: it is not in the package's scope.
type T struct{}

func (T) Actions() {}
