package cart

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/internal/shoptest"
)

// newStore returns the carts of a database of the test's own, with the
// shop's shelf: apples at 320 cents (40 in stock), bread at 525 (8), one
// box of croissants at 360, no honey.
func newStore(t *testing.T) *Store {
	t.Helper()
	db := shoptest.DB(t)
	if err := catalog.Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return NewStore(db)
}

func TestAddToCartTotals(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if _, err := s.AddToCart(ctx, "c", "apple", 2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddToCart(ctx, "c", "bread", 1); err != nil {
		t.Fatal(err)
	}
	c, err := s.AddToCart(ctx, "c", "apple", 1) // adds to the line, keeping its place
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
	if c.Count != 4 || c.Total != 1485 || c.ID != "c" || c.UpdatedAt == nil {
		t.Errorf("cart: Count %d, Total %d, ID %q, UpdatedAt %v; want 4, 1485, c, a time", c.Count, c.Total, c.ID, c.UpdatedAt)
	}

	got, _ := s.GetCart(ctx, "c")
	if diff := cmp.Diff(c, got); diff != "" {
		t.Errorf("GetCart differs from what AddToCart returned (-add +get):\n%s", diff)
	}
	other, _ := s.GetCart(ctx, "d")
	if diff := cmp.Diff(Cart{ID: "d", Lines: []Line{}}, other); diff != "" {
		t.Errorf("a cart never used (-want +got):\n%s", diff)
	}
}

func TestAddToCartStockError(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	before, err := s.AddToCart(ctx, "c", "croissant", 1)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.AddToCart(ctx, "c", "croissant", 1)
	shoptest.WantError(t, err, actions.CodeFailedPrecondition, "only 1 of Croissants left, cannot take 2")
	// A product the cart does not hold yet leaves no empty line behind.
	_, err = s.AddToCart(ctx, "c", "honey", 1)
	shoptest.WantError(t, err, actions.CodeFailedPrecondition, "Wildflower honey is sold out")
	after, _ := s.GetCart(ctx, "c")
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("the failed adds changed the cart (-before +after):\n%s", diff)
	}

	// A failed first add makes no cart.
	_, err = s.AddToCart(ctx, "new", "honey", 1)
	shoptest.WantError(t, err, actions.CodeFailedPrecondition, "Wildflower honey is sold out")
	if c, _ := s.GetCart(ctx, "new"); c.UpdatedAt != nil {
		t.Errorf("a failed add made a cart: %+v", c)
	}
}

func TestAddToCartRefuses(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	_, err := s.AddToCart(ctx, "c", "apple", 0)
	shoptest.WantError(t, err, actions.CodeInvalidArgument, "quantity must be from 1 to 99, not 0")
	_, err = s.AddToCart(ctx, "c", "durian", 1)
	shoptest.WantError(t, err, actions.CodeNotFound, `no product "durian"`)
	if _, err := s.AddToCart(ctx, "c", "carrot", 50); err != nil {
		t.Fatal(err)
	}
	_, err = s.AddToCart(ctx, "c", "carrot", 1)
	shoptest.WantError(t, err, actions.CodeFailedPrecondition, "only 50 of Carrots left, cannot take 51")
}

func TestRemoveAndClear(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	s.AddToCart(ctx, "c", "apple", 1)
	s.AddToCart(ctx, "c", "bread", 2)
	c, err := s.RemoveFromCart(ctx, "c", "apple")
	if err != nil || len(c.Lines) != 1 || c.Count != 2 || c.Total != 1050 {
		t.Errorf("after removing the apples: %+v, %v; want two loaves for 1050", c, err)
	}
	if _, err := s.RemoveFromCart(ctx, "c", "apple"); err != nil {
		t.Errorf("removing a product not in the cart: %v", err)
	}
	if c, err := s.RemoveFromCart(ctx, "never", "apple"); err != nil || c.UpdatedAt != nil {
		t.Errorf("removing from a cart never used: %+v, %v; want it left unmade", c, err)
	}
	if err := s.ClearCart(ctx, "c"); err != nil {
		t.Fatal(err)
	}
	c, _ = s.GetCart(ctx, "c")
	if diff := cmp.Diff(Cart{ID: "c", Lines: []Line{}}, c); diff != "" {
		t.Errorf("cleared cart (-want +got):\n%s", diff)
	}
}

func TestEvictsTheCartLeftAloneLongest(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s.max = 2
	s.now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	s.AddToCart(ctx, "a", "apple", 1)
	s.AddToCart(ctx, "b", "apple", 1)
	s.AddToCart(ctx, "a", "apple", 1) // a is now the newer
	s.AddToCart(ctx, "c", "apple", 1) // one too many: b goes
	for id, want := range map[ID]int{"a": 2, "b": 0, "c": 1} {
		if c, _ := s.GetCart(ctx, id); c.Count != want {
			t.Errorf("cart %s holds %d, want %d", id, c.Count, want)
		}
	}
	if c, _ := s.GetCart(ctx, "a"); !c.UpdatedAt.Equal(time.Date(2026, 1, 1, 0, 3, 0, 0, time.UTC)) {
		t.Errorf("cart a was last changed at %v, want 00:03", c.UpdatedAt)
	}
}

func TestIDValidate(t *testing.T) {
	for _, id := range []ID{"", ID(make([]byte, 65)), "\xff"} {
		shoptest.WantError(t, id.Validate(), actions.CodeInvalidArgument, "a cart ID has 1 to 64 characters")
	}
	if err := ID("0b5c6f52-8a4e-4b8e-9a59-2b1f0b8f7a10").Validate(); err != nil {
		t.Errorf("a UUID: %v", err)
	}
}

// TestAdd is the form of the page without JavaScript: one unit unless the
// form says how many, into the cart its hidden input names.
func TestAdd(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if _, err := s.Add(ctx, Addition{Cart: "c", Product: "apple"}); err != nil {
		t.Fatal(err)
	}
	c, err := s.Add(ctx, Addition{Cart: "c", Product: "apple", Quantity: 2})
	if err != nil || c.Count != 3 || c.Total != 960 {
		t.Errorf("Add: %+v, %v; want 3 apples for 960 cents", c, err)
	}
	_, err = s.Add(ctx, Addition{Product: "apple"})
	shoptest.WantError(t, err, actions.CodeInvalidArgument, "a cart ID has 1 to 64 characters")
	_, err = s.Add(ctx, Addition{Cart: "c", Product: "honey"})
	shoptest.WantError(t, err, actions.CodeFailedPrecondition, "Wildflower honey is sold out")
}
