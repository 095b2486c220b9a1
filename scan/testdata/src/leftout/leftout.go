// Package leftout has directives in files that some builds leave out, and
// in test files: the glue, in every build, would call missing functions.
// The same diagnostics come whatever GOOS, GOARCH and CGO_ENABLED are.
package leftout

//actions:server
func Ping() error { return nil }
