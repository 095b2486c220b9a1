// Package driver does not compile either.
package driver

var n int = "not a number"
