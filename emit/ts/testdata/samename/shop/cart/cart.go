// Package cart is the shop's cart. Another package named cart exists in
// the admin tree, so the two get longer keys.
package cart

// Item is in a shopper's cart.
type Item struct {
	SKU string `json:"sku"`
}

// Add adds an item to the shopper's cart.
//
//actions:server
func Add(item Item) ([]Item, error) { return []Item{item}, nil }
