package cart

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/internal/actiontest"
)

// ids numbers the carts of the tests, which share the package's store: a
// test run again (go test -count) starts with new carts.
var ids atomic.Int64

// newID returns the ID of a cart no test has used.
func newID(t *testing.T) ID {
	return ID(fmt.Sprintf("%s/%d", t.Name(), ids.Add(1)))
}

// The tests call the actions as the glue does, with the shop's catalog:
// apples at 320 cents (40 in stock), bread at 525 (8), one box of
// croissants at 360, no honey.

func TestAddToCartTotals(t *testing.T) {
	ctx := context.Background()
	id := newID(t)
	if _, err := AddToCart(ctx, id, "apple", 2); err != nil {
		t.Fatal(err)
	}
	if _, err := AddToCart(ctx, id, "bread", 1); err != nil {
		t.Fatal(err)
	}
	c, err := AddToCart(ctx, id, "apple", 1) // adds to the line, keeping its place
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{ProductID: "apple", Name: "Apples", Emoji: "🍎", UnitPrice: 320, Quantity: 3, Subtotal: 960},
		{ProductID: "bread", Name: "Sourdough loaf", Emoji: "🍞", UnitPrice: 525, Quantity: 1, Subtotal: 525},
	}
	if diff := cmp.Diff(want, c.Lines); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	if c.Count != 4 || c.Total != 1485 || c.ID != id || c.UpdatedAt == nil {
		t.Errorf("cart: Count %d, Total %d, ID %q, UpdatedAt %v; want 4, 1485, %q, a time", c.Count, c.Total, c.ID, c.UpdatedAt, id)
	}

	got, _ := GetCart(ctx, id)
	if diff := cmp.Diff(c, got); diff != "" {
		t.Errorf("GetCart differs from what AddToCart returned (-add +get):\n%s", diff)
	}
}

func TestAddToCartStockError(t *testing.T) {
	ctx := context.Background()
	id := newID(t)
	before, err := AddToCart(ctx, id, "croissant", 1)
	if err != nil {
		t.Fatal(err)
	}
	after, err := AddToCart(ctx, id, "croissant", 1)
	actiontest.WantError(t, err, actions.CodeFailedPrecondition, "only 1 of Croissants left, cannot take 2")
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("the failed add changed the cart (-before +after):\n%s", diff)
	}

	// A product the cart does not hold yet leaves no empty line behind.
	c, err := AddToCart(ctx, id, "honey", 1)
	actiontest.WantError(t, err, actions.CodeFailedPrecondition, "Wildflower honey is sold out")
	if len(c.Lines) != 1 || c.Total != 360 {
		t.Errorf("after the failed add: %+v; want only the croissants", c)
	}
}

func TestAddToCartRefuses(t *testing.T) {
	ctx := context.Background()
	id := newID(t)
	_, err := AddToCart(ctx, id, "apple", 0)
	actiontest.WantError(t, err, actions.CodeInvalidArgument, "quantity must be from 1 to 99, not 0")
	_, err = AddToCart(ctx, id, "durian", 1)
	actiontest.WantError(t, err, actions.CodeNotFound, `no product "durian"`)
	if _, err := AddToCart(ctx, id, "carrot", 50); err != nil {
		t.Fatal(err)
	}
	_, err = AddToCart(ctx, id, "carrot", 1)
	actiontest.WantError(t, err, actions.CodeFailedPrecondition, "only 50 of Carrots left, cannot take 51")
}

func TestRemoveAndClear(t *testing.T) {
	ctx := context.Background()
	id := newID(t)
	AddToCart(ctx, id, "apple", 1)
	AddToCart(ctx, id, "bread", 2)
	c, err := RemoveFromCart(ctx, id, "apple")
	if err != nil || len(c.Lines) != 1 || c.Count != 2 || c.Total != 1050 {
		t.Errorf("after removing the apples: %+v, %v; want two loaves for 1050", c, err)
	}
	if _, err := RemoveFromCart(ctx, id, "apple"); err != nil {
		t.Errorf("removing a product not in the cart: %v", err)
	}
	if err := ClearCart(ctx, id); err != nil {
		t.Fatal(err)
	}
	c, _ = GetCart(ctx, id)
	if diff := cmp.Diff(Cart{ID: id, Lines: []Line{}}, c); diff != "" {
		t.Errorf("cleared cart (-want +got):\n%s", diff)
	}
}

func TestCartsAreCopies(t *testing.T) {
	ctx := context.Background()
	id := newID(t)
	c, _ := AddToCart(ctx, id, "apple", 1)
	c.Lines[0].Quantity = 40
	*c.UpdatedAt = time.Time{}
	got, _ := GetCart(ctx, id)
	if got.Lines[0].Quantity != 1 || got.UpdatedAt.IsZero() {
		t.Errorf("changing a returned cart changed the stored one: %+v", got)
	}
}

func TestCheckout(t *testing.T) {
	ctx := context.Background()
	id := newID(t)
	AddToCart(ctx, id, "apple", 2)
	refused := actions.Errorf(actions.CodeAborted, "no")
	if err := Checkout(id, func(Cart) error { return refused }); err != refused {
		t.Fatalf("Checkout returned %v, want the error of buy", err)
	}
	if c, _ := GetCart(ctx, id); c.Count != 2 {
		t.Fatalf("a failed checkout changed the cart: %+v", c)
	}
	var bought Cart
	if err := Checkout(id, func(c Cart) error { bought = c; return nil }); err != nil {
		t.Fatal(err)
	}
	if bought.Count != 2 {
		t.Errorf("buy saw %+v, want the two apples", bought)
	}
	if c, _ := GetCart(ctx, id); c.Count != 0 {
		t.Errorf("the cart is not empty after checkout: %+v", c)
	}
}

func TestEvictsTheCartLeftAloneLongest(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s := newStore(2, func() time.Time { clock = clock.Add(time.Minute); return clock })
	apple := catalog.Product{ID: "apple", Stock: 10}
	s.add("a", apple, 1)
	s.add("b", apple, 1)
	s.add("a", apple, 1) // a is now the newer
	s.add("c", apple, 1) // one too many: b goes
	for id, want := range map[ID]int{"a": 2, "b": 0, "c": 1} {
		if got := s.get(id).Count; got != want {
			t.Errorf("cart %s holds %d, want %d", id, got, want)
		}
	}
}

func TestIDValidate(t *testing.T) {
	for _, id := range []ID{"", ID(make([]byte, 65)), "\xff"} {
		actiontest.WantError(t, id.Validate(), actions.CodeInvalidArgument, "a cart ID has 1 to 64 characters")
	}
	if err := ID("0b5c6f52-8a4e-4b8e-9a59-2b1f0b8f7a10").Validate(); err != nil {
		t.Errorf("a UUID: %v", err)
	}
}
