// Package stale has glue from a previous run that no longer compiles: the
// scanner reads it as a bare package clause, so nothing is reported, not
// even the use of the Actions function the glue declares.
package stale

//actions:server
func Hello(name string, times int) string { return name }

// Handlers returns the package's actions, declared by the glue.
func Handlers() any { return Actions() }
