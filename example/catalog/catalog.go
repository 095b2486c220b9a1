// Package catalog is the shop's product list and its stock.
//
// Its actions are marked one by one with the directive in their doc
// comment; the other exported functions (Reserve, Release) are for the
// server's own packages and are not callable from the client.
package catalog

import (
	"context"
	"errors"
	"fmt"

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

// ListProducts returns a page of the products that match q, in shelf order.
//
//actions:server
func ListProducts(ctx context.Context, q Query) (paging.Page[Product], error) {
	products := shop.list(q.Category)
	page, err := paging.Of(products, q.Cursor, q.Limit)
	if cerr, ok := errors.AsType[*paging.CursorError](err); ok {
		return page, actions.Errorf(actions.CodeInvalidArgument, "%s", cerr)
	}
	return page, err
}

// GetProduct returns the product with the given id.
//
//actions:server
func GetProduct(ctx context.Context, id string) (Product, error) {
	p, ok := shop.get(id)
	if !ok {
		return Product{}, NotFound(id)
	}
	return p, nil
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

// Lookup returns the product with the given id, for other packages.
func Lookup(id string) (Product, bool) {
	return shop.get(id)
}

// Reserve takes the units of each product in want (product id to count) out
// of stock, all or nothing: if any product lacks stock, nothing changes and
// the error says which one.
func Reserve(want map[string]int) error {
	return shop.reserve(want)
}

// Restock adds units of product id to the stock.
func Restock(id string, units int) error {
	return shop.restock(id, units)
}

// String returns c in euros, like "€3.20".
func (c Cents) String() string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s€%d.%02d", sign, c/100, c%100)
}
