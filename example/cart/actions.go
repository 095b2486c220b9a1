package cart

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/shopdb"
)

// Store keeps the carts in the shop's database. Every exported method of
// *Store is an action: the directive is on the type.
//
//actions:server
type Store struct {
	db  *sql.DB
	max int
	now func() time.Time
}

// NewStore returns the carts kept in db, whose tables shopdb.Open made.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db, max: MaxCarts, now: time.Now}
}

// GetCart returns the cart with the given id; a cart never used is empty.
func (s *Store) GetCart(ctx context.Context, id ID) (Cart, error) {
	return Load(ctx, s.db, id)
}

// AddToCart puts quantity units of a product in the cart and returns the
// cart. It fails with failed_precondition when the shop has fewer units
// left than the cart would then hold, and then the cart does not change.
func (s *Store) AddToCart(ctx context.Context, id ID, productID string, quantity int) (Cart, error) {
	if quantity < 1 || quantity > MaxQuantity {
		return Cart{}, actions.Errorf(actions.CodeInvalidArgument,
			"quantity must be from 1 to %d, not %d", MaxQuantity, quantity)
	}
	var c Cart
	err := shopdb.InTx(ctx, s.db, func(tx *sql.Tx) error {
		p, err := catalog.Lookup(ctx, tx, productID)
		if err != nil {
			return err
		}
		var have int
		err = tx.QueryRowContext(ctx, "SELECT quantity FROM cart_lines WHERE cart_id = ? AND product_id = ?", id, productID).Scan(&have)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		want := have + quantity
		if want > p.Stock {
			return catalog.OutOfStock(p, want)
		}
		if want > MaxQuantity {
			return actions.Errorf(actions.CodeInvalidArgument, "a cart holds at most %d of one product", MaxQuantity)
		}
		if err := open(ctx, tx, id, s.max, s.now()); err != nil {
			return err
		}
		// A new line goes last; a line the cart has keeps its place.
		_, err = tx.ExecContext(ctx, `
			INSERT INTO cart_lines (cart_id, product_id, added, quantity)
			VALUES (?1, ?2, (SELECT COALESCE(MAX(added), 0) + 1 FROM cart_lines WHERE cart_id = ?1), ?3)
			ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = ?3`, id, productID, want)
		if err != nil {
			return err
		}
		c, err = Load(ctx, tx, id)
		return err
	})
	return c, err
}

// RemoveFromCart takes a product out of the cart, all its units, and
// returns the cart. Removing a product that is not in the cart is not an
// error.
func (s *Store) RemoveFromCart(ctx context.Context, id ID, productID string) (Cart, error) {
	var c Cart
	err := shopdb.InTx(ctx, s.db, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM cart_lines WHERE cart_id = ? AND product_id = ?", id, productID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n > 0 {
			if err := open(ctx, tx, id, s.max, s.now()); err != nil {
				return err
			}
		}
		c, err = Load(ctx, tx, id)
		return err
	})
	return c, err
}

// ClearCart empties the cart.
func (s *Store) ClearCart(ctx context.Context, id ID) error {
	return Delete(ctx, s.db, id)
}

// Addition is the form of a product's Add to cart button on the page the
// server renders, for a browser without JavaScript: hidden inputs name
// the cart and the product.
type Addition struct {
	Cart    ID     `json:"cart"`
	Product string `json:"product"`
	// Quantity is how many units to add; absent, one.
	Quantity int `json:"quantity,omitzero"`
}

// Add is AddToCart for a form: without JavaScript, the browser posts a
// product's Add to cart form to it and goes back to the page, which shows
// the cart, or the error.
//
//actions:server form
func (s *Store) Add(ctx context.Context, a Addition) (Cart, error) {
	if a.Quantity == 0 {
		a.Quantity = 1
	}
	if err := a.Cart.Validate(); err != nil {
		return Cart{}, err
	}
	return s.AddToCart(ctx, a.Cart, a.Product, a.Quantity)
}
