//actions:server

// Every exported function of this file is an action (the directive above
// the package clause); the rest of the package is in orders.go.

package orders

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/cart"
	"github.com/actionsgo/actions/example/paging"
)

// PlaceOrder buys what is in the cart: it takes the products out of stock,
// empties the cart and returns the order. It fails with failed_precondition
// when the cart is empty or a product sold out since it was added, and then
// nothing changes.
func PlaceOrder(ctx context.Context, cartID cart.ID, form Form) (Order, error) {
	return book.place(cartID, form)
}

// ListOrders returns a page of the orders placed from a cart, newest first.
// cursor is the Next of the previous page, or "" for the first one.
func ListOrders(ctx context.Context, cartID cart.ID, cursor string) (paging.Page[Order], error) {
	page, err := paging.Of(book.list(cartID), cursor, 10)
	if cerr, ok := errors.AsType[*paging.CursorError](err); ok {
		return page, actions.Errorf(actions.CodeInvalidArgument, "%s", cerr)
	}
	return page, err
}

// CheckDelivery asks the couriers how an order could reach postcode and
// when. It takes a few seconds, as a call to outside services does; when the
// client gives up, it stops asking at once.
func CheckDelivery(ctx context.Context, postcode string) ([]DeliveryOption, error) {
	if err := checkPostcode(postcode); err != nil {
		return nil, err
	}
	start := now()
	options := make([]DeliveryOption, 0, len(couriers))
	for _, c := range couriers {
		// One courier after the other, each taking its time: a canceled
		// call returns at once instead of finishing the round.
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("checking delivery to %s: %w", postcode, ctx.Err())
		case <-time.After(courierDelay):
		}
		if o, ok := c.quote(postcode, start); ok {
			options = append(options, o)
		}
	}
	return options, nil
}
