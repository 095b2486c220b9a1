package orders

import (
	"context"
	"database/sql"
	"encoding/json/v2"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/account"
	"github.com/actionsgo/actions/example/cart"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/paging"
	"github.com/actionsgo/actions/example/shopdb"
)

// PageSize is the number of orders ListOrders returns at a time.
const PageSize = 10

// PlaceOrder buys what is in the cart for the signed-in customer: it takes
// the products out of stock, empties the cart and returns the order. It
// fails with failed_precondition when the cart is empty or a product sold
// out since it was added, and then nothing changes.
func (s *Store) PlaceOrder(ctx context.Context, cartID cart.ID, form Form) (Order, error) {
	u, err := customer(ctx)
	if err != nil {
		return Order{}, err
	}
	o := Order{
		Customer: strings.TrimSpace(form.Name),
		Delivery: form.Delivery,
		Status:   Placed,
		PlacedAt: s.now().UTC().Truncate(time.Millisecond), // as the table keeps it
		Note:     form.Note,
	}
	// One transaction: the cart cannot change between reading it and
	// emptying it, and the stock is taken only if the order is kept.
	err = shopdb.InTx(ctx, s.db, func(tx *sql.Tx) error {
		c, err := cart.Load(ctx, tx, cartID)
		if err != nil {
			return err
		}
		if len(c.Lines) == 0 {
			return actions.Errorf(actions.CodeFailedPrecondition, "your cart is empty")
		}
		want := make(map[string]int, len(c.Lines))
		for _, line := range c.Lines {
			want[line.ProductID] = line.Quantity
		}
		if err := catalog.Reserve(ctx, tx, want); err != nil {
			return err
		}
		o.Lines, o.Total = c.Lines, c.Total
		lines, err := json.Marshal(o.Lines)
		if err != nil {
			return err
		}
		var id int64
		err = tx.QueryRowContext(ctx, `
			INSERT INTO orders (user_id, customer, lines, total, delivery, status, placed_at, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			u.ID, o.Customer, string(lines), o.Total, o.Delivery, o.Status, shopdb.Millis(o.PlacedAt), o.Note).Scan(&id)
		if err != nil {
			return err
		}
		o.ID = orderID(id)
		return cart.Delete(ctx, tx, cartID)
	})
	if err != nil {
		return Order{}, err
	}
	return o, nil
}

// ListOrders returns a page of the signed-in customer's orders, newest
// first. cursor is the Next of the previous page, or "" for the first one.
func (s *Store) ListOrders(ctx context.Context, cursor string) (paging.Page[Order], error) {
	u, err := customer(ctx)
	if err != nil {
		return paging.Page[Order]{}, err
	}
	page, err := paging.Fetch(cursor, PageSize, func(offset, limit int) ([]Order, int, error) {
		return s.list(ctx, u, offset, limit)
	})
	if cerr, ok := errors.AsType[*paging.CursorError](err); ok {
		return page, actions.Errorf(actions.CodeInvalidArgument, "%s", cerr)
	}
	return page, err
}

func (s *Store) list(ctx context.Context, u account.User, offset, limit int) ([]Order, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM orders WHERE user_id = ?", u.ID).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, customer, lines, total, delivery, status, placed_at, note
		FROM orders WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`, u.ID, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		var id, placed int64
		var lines []byte
		if err := rows.Scan(&id, &o.Customer, &lines, &o.Total, &o.Delivery, &o.Status, &placed, &o.Note); err != nil {
			return nil, 0, err
		}
		if err := json.Unmarshal(lines, &o.Lines); err != nil {
			return nil, 0, fmt.Errorf("order %d: %w", id, err)
		}
		o.ID, o.PlacedAt = orderID(id), shopdb.Time(placed)
		out = append(out, o)
	}
	return out, total, rows.Err()
}

// customer returns the signed-in user whom the interceptor found, and
// refuses the call when there is none: the store is safe even where the
// server forgot to guard it.
func customer(ctx context.Context) (account.User, error) {
	u, ok := account.SignedIn(ctx)
	if !ok {
		return account.User{}, actions.Errorf(actions.CodeUnauthenticated, "please sign in")
	}
	return u, nil
}

// orderID is the ID a customer sees for the order numbered n.
func orderID(n int64) string {
	return fmt.Sprintf("A-%d", 1000+n)
}
