// Package cart shares its name with two other packages of the module.
package cart

import (
	"context"

	admin "example.com/shop/admin/cart"
	"example.com/shop/money"
)

// Cart is a shopping cart.
type Cart struct {
	Total money.Amount `json:"total"`
	// Owner is declared by the other cart package.
	Owner admin.User `json:"owner"`
}

// Get returns the cart.
//
//actions:server
func Get(ctx context.Context) (Cart, error) { return Cart{}, nil }

// All lists the actions of both cart packages, declared by glue that does
// not exist yet for admin/cart.
func All() []any { return []any{Actions(), admin.Actions()} }
