// Package broken does not compile.
package broken

var n int = "not a number"

func Register() {}
