// Package stale has glue from a previous run that no longer compiles: the
// scanner ignores it, so nothing is reported.
package stale

//actions:server
func Hello(name string, times int) string { return name }
