//actions:server

// Every exported function of this file is an action: the directive above
// the package clause marks them all. Helpers for the server's other
// packages live in cart.go, which has no directive.

package cart

import (
	"context"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/catalog"
)

// MaxQuantity is the most units of one product a cart may hold.
const MaxQuantity = 99

// GetCart returns the cart with the given id; a cart never used is empty.
func GetCart(ctx context.Context, id ID) (Cart, error) {
	return carts.get(id), nil
}

// AddToCart puts quantity units of a product in the cart and returns the
// cart. It fails with failed_precondition when the shop has fewer units
// left than the cart would then hold.
func AddToCart(ctx context.Context, id ID, productID string, quantity int) (Cart, error) {
	if quantity < 1 || quantity > MaxQuantity {
		return Cart{}, actions.Errorf(actions.CodeInvalidArgument,
			"quantity must be from 1 to %d, not %d", MaxQuantity, quantity)
	}
	p, ok := catalog.Lookup(productID)
	if !ok {
		return Cart{}, catalog.NotFound(productID)
	}
	return carts.add(id, p, quantity)
}

// RemoveFromCart takes a product out of the cart, all its units, and
// returns the cart. Removing a product that is not in the cart is not an
// error.
func RemoveFromCart(ctx context.Context, id ID, productID string) (Cart, error) {
	return carts.remove(id, productID), nil
}

// ClearCart empties the cart.
func ClearCart(ctx context.Context, id ID) error {
	carts.clear(id)
	return nil
}
