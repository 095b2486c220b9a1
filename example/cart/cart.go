// Package cart keeps each visitor's shopping cart, in the shop's database.
//
// A cart is named by an ID that the client keeps (the example's server
// makes one up at a browser's first visit, in a cookie); anyone who has the
// ID may fill the cart, and only a signed-in customer can turn it into an
// order (package orders).
package cart

import (
	"context"
	"database/sql"
	"errors"
	"time"
	"unicode/utf8"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/shopdb"
)

// ID names a cart. The client keeps it (in the example, a random ID that
// the server puts in a cookie and in the page).
type ID string

// Validate refuses an ID the server would not want to keep: the runtime
// calls it on every argument of type ID before the action runs.
func (id ID) Validate() error {
	if id == "" || len(id) > 64 || !utf8.ValidString(string(id)) {
		return actions.Errorf(actions.CodeInvalidArgument, "a cart ID has 1 to 64 characters")
	}
	return nil
}

// Cart is what one visitor is about to buy.
type Cart struct {
	ID ID `json:"id"`
	// Lines are the products in the cart, in the order they were first
	// added.
	Lines []Line `json:"lines"`
	// Count is the number of units of all lines.
	Count int `json:"count"`
	// Total is the price of all lines.
	Total catalog.Cents `json:"total"`
	// UpdatedAt is when the cart last changed; null for a cart never used.
	UpdatedAt *time.Time `json:"updatedAt"`
}

// Line is one product in a cart, at the catalog's price of now.
type Line struct {
	ProductID string        `json:"productId"`
	Name      string        `json:"name"`
	Emoji     string        `json:"emoji"`
	UnitPrice catalog.Cents `json:"unitPrice"`
	Quantity  int           `json:"quantity"`
	// Subtotal is UnitPrice times Quantity.
	Subtotal catalog.Cents `json:"subtotal"`
}

// MaxQuantity is the most units of one product a cart may hold.
const MaxQuantity = 99

// MaxCarts bounds the carts kept: when a new cart would make more, the one
// left alone longest is forgotten. Cart IDs come from clients, so without
// a bound anyone could fill the server's disk.
const MaxCarts = 10_000

// Load returns the cart with the given id; a cart never used is empty.
// Package orders reads the cart with it in the transaction of a checkout.
func Load(ctx context.Context, q shopdb.Querier, id ID) (Cart, error) {
	c := Cart{ID: id, Lines: []Line{}}
	var updated int64
	err := q.QueryRowContext(ctx, "SELECT updated_at FROM carts WHERE id = ?", id).Scan(&updated)
	if errors.Is(err, sql.ErrNoRows) {
		return c, nil
	}
	if err != nil {
		return Cart{}, err
	}
	t := shopdb.Time(updated)
	c.UpdatedAt = &t
	rows, err := q.QueryContext(ctx, `
		SELECT l.product_id, p.name, p.emoji, p.price, l.quantity
		FROM cart_lines l JOIN products p ON p.id = l.product_id
		WHERE l.cart_id = ? ORDER BY l.added`, id)
	if err != nil {
		return Cart{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var l Line
		if err := rows.Scan(&l.ProductID, &l.Name, &l.Emoji, &l.UnitPrice, &l.Quantity); err != nil {
			return Cart{}, err
		}
		l.Subtotal = l.UnitPrice * catalog.Cents(l.Quantity)
		c.Lines = append(c.Lines, l)
		c.Count += l.Quantity
		c.Total += l.Subtotal
	}
	return c, rows.Err()
}

// Delete forgets the cart with the given id and its lines.
func Delete(ctx context.Context, q shopdb.Querier, id ID) error {
	_, err := q.ExecContext(ctx, "DELETE FROM carts WHERE id = ?", id)
	return err
}

// open makes the cart if it does not exist, forgetting the cart left alone
// longest when there would be more than max, and stamps it with now.
func open(ctx context.Context, tx *sql.Tx, id ID, max int, now time.Time) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM carts WHERE id = ?", id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM carts").Scan(&n); err != nil {
			return err
		}
		if n >= max {
			// Of carts left alone equally long, the one with the smallest
			// ID goes, so that tests can predict it.
			_, err := tx.ExecContext(ctx, "DELETE FROM carts WHERE id = (SELECT id FROM carts ORDER BY updated_at, id LIMIT 1)")
			if err != nil {
				return err
			}
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO carts (id, updated_at) VALUES (?1, ?2)
		ON CONFLICT (id) DO UPDATE SET updated_at = ?2`, id, shopdb.Millis(now))
	return err
}
