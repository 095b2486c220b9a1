// Package cart is the admin side of carts.
package cart

// User owns a cart.
type User struct {
	Name string `json:"name"`
}

// Purge empties every cart.
//
//actions:server
func Purge() error { return nil }
