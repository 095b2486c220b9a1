// Package app holds the functions every server in the benchmark serves: the
// generated handler calls them through actions_gen.go, the floor and huma call
// them directly. Their bodies do almost nothing, so a benchmark measures the
// dispatch around them.
package app

//go:generate go tool gen -ts ../client/app .

import (
	"context"
	"iter"
	"time"
)

// Item is the medium payload: ten fields, among them a slice, a map, a
// time.Time and a pointer.
type Item struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	Price     float64           `json:"price"`
	Quantity  int               `json:"quantity"`
	Active    bool              `json:"active"`
	Tags      []string          `json:"tags"`
	Attrs     map[string]string `json:"attrs"`
	CreatedAt time.Time         `json:"createdAt"`
	Discount  *float64          `json:"discount,omitempty"`
	Owner     string            `json:"owner"`
}

// Small takes no argument and returns a string.
//
//actions:server
func Small(ctx context.Context) (string, error) {
	return "pong", nil
}

// Medium takes an item and two scalars and returns the item updated.
//
//actions:server
func Medium(ctx context.Context, item Item, count int, note string) (Item, error) {
	item.Quantity += count
	item.Owner = note
	return item, nil
}

// Large takes a thousand items and returns them, each updated.
//
//actions:server
func Large(ctx context.Context, items []Item) ([]Item, error) {
	for i := range items {
		items[i].Quantity++
	}
	return items, nil
}

// Tick is the item of the stream: a small struct.
type Tick struct {
	Seq   int     `json:"seq"`
	Name  string  `json:"name"`
	Value float64 `json:"value"`
}

// Ticks streams n ticks, as fast as they are taken.
//
//actions:server
func Ticks(ctx context.Context, n int) iter.Seq[Tick] {
	return func(yield func(Tick) bool) {
		for i := range n {
			if !yield(Tick{Seq: i, Name: "tick", Value: float64(i) / 4}) {
				return
			}
		}
	}
}
