// Package catalog is the shop's product list and its stock.
//
// Store is a service: the directive on its type makes every exported
// method of *Store an action, bound to the Store given to StoreActions.
// The package's functions (Lookup, Reserve, Seed) are for the server's
// other packages and are not callable from the client.
package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/paging"
)

// Category groups products on the shelf.
type Category string

// The categories of the shop.
const (
	Fruit      Category = "fruit"
	Vegetables Category = "vegetables"
	Bakery     Category = "bakery"
	Pantry     Category = "pantry"
)

// Cents is an amount of money in euro cents, exact where a float is not.
type Cents int64

// Product is one thing the shop sells.
type Product struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Category    Category `json:"category"`
	// Emoji stands in for a photo.
	Emoji string `json:"emoji"`
	// Price is the price of one unit.
	Price Cents `json:"price"`
	// Stock is how many units are left.
	Stock int `json:"stock"`
}

// Query selects products for ListProducts.
type Query struct {
	// Category, when set, keeps only the products of that category.
	Category *Category `json:"category,omitempty"`
	// Cursor is the Next of the previous page, or "" for the first one.
	Cursor string `json:"cursor,omitempty"`
	// Limit is the page size; 0 means paging.DefaultLimit.
	Limit int `json:"limit,omitempty"`
}

// StockLevel is how many units of a product are left.
type StockLevel struct {
	ProductID string `json:"productId"`
	Stock     int    `json:"stock"`
}

// Store is the catalog, kept in the shop's database.
//
//actions:server
type Store struct {
	db *sql.DB
	// poll is how often WatchStock looks at the stock.
	poll time.Duration
}

// NewStore returns the catalog kept in db, whose tables shopdb.Open made.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db, poll: time.Second}
}

// ListProducts returns a page of the products that match q, in shelf
// order. It is a read: the browser may keep its answer for ten seconds,
// and stock levels change meanwhile, which WatchStock tells as they do.
//
//actions:server get cache=10s
func (s *Store) ListProducts(ctx context.Context, q Query) (paging.Page[Product], error) {
	page, err := paging.Fetch(q.Cursor, q.Limit, func(offset, limit int) ([]Product, int, error) {
		return list(ctx, s.db, q.Category, offset, limit)
	})
	if cerr, ok := errors.AsType[*paging.CursorError](err); ok {
		return page, actions.Errorf(actions.CodeInvalidArgument, "%s", cerr)
	}
	return page, err
}

// GetProduct returns the product with the given id.
//
//actions:server get cache=10s
func (s *Store) GetProduct(ctx context.Context, id string) (Product, error) {
	return Lookup(ctx, s.db, id)
}

// WatchStock streams how many units of each product are left: every
// product first, then each change as it happens, until the client stops
// listening (the TypeScript loop is left, or the page goes away) or the
// server's bound on a stream's length ends it.
func (s *Store) WatchStock(ctx context.Context) iter.Seq2[StockLevel, error] {
	return func(yield func(StockLevel, error) bool) {
		// The stock is looked at every s.poll, which also sees changes
		// made by other processes sharing the database file; a shop on a
		// server database would have it notify the change instead.
		tick := time.NewTicker(s.poll)
		defer tick.Stop()
		sent := map[string]int{}
		for {
			levels, err := stock(ctx, s.db)
			if err != nil {
				yield(StockLevel{}, err)
				return
			}
			for _, l := range levels {
				if n, ok := sent[l.ProductID]; ok && n == l.Stock {
					continue
				}
				sent[l.ProductID] = l.Stock
				if !yield(l, nil) {
					return
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}
}

// NotFound is the error for a product id that the catalog does not have.
func NotFound(id string) error {
	return actions.Errorf(actions.CodeNotFound, "no product %q", id)
}

// OutOfStock is the error for asking more units of p than are left.
func OutOfStock(p Product, want int) error {
	if p.Stock == 0 {
		return actions.Errorf(actions.CodeFailedPrecondition, "%s is sold out", p.Name)
	}
	return actions.Errorf(actions.CodeFailedPrecondition,
		"only %d of %s left, cannot take %d", p.Stock, p.Name, want)
}

// String returns c in euros, like "€3.20".
func (c Cents) String() string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s€%d.%02d", sign, c/100, c%100)
}
