// Package money has no directive, so it is loaded from export data; the
// docs of the types reached in it come from parsing the files that declare
// them.
package money

// Amount is an amount in cents.
type Amount int64

// Common amounts.
const (
	Zero Amount = 0
	One  Amount = 100
)
