// Package cart is the administrator's view of carts. It uses both Item
// types: they are imported under aliases in one module.
package cart

import shop "github.com/actionsgo/actions/emit/ts/testdata/samename/shop/cart"

// Item is an administrator's note about a shopper's item.
type Item struct {
	Shopper shop.Item `json:"shopper"`
	Note    string    `json:"note"`
}

// Review looks at a shopper's item.
//
//actions:server
func Review(item shop.Item) (Item, error) { return Item{Shopper: item}, nil }
