// Package cart is a third cart, without actions, reached by no action.
package cart

// Unused is never reached.
type Unused struct{}
