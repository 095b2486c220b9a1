package orders

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/cart"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/internal/actiontest"
)

// ids numbers the carts of the tests, which share the package's store: a
// test run again (go test -count) starts with new carts.
var ids atomic.Int64

// newID returns the ID of a cart no test has used.
func newID(t *testing.T) cart.ID {
	return cart.ID(fmt.Sprintf("%s/%d", t.Name(), ids.Add(1)))
}

// The tests run with the shop's catalog; they are the only ones in this
// process to change its stock.

func form() Form {
	return Form{Name: "Ada", Email: "ada@example.com", Address: "Dam 1", Postcode: "1012 AB", Delivery: Standard}
}

func stock(t *testing.T, id string) int {
	t.Helper()
	p, ok := catalog.Lookup(id)
	if !ok {
		t.Fatalf("no product %q", id)
	}
	return p.Stock
}

// ensureStock restocks product id to at least n units, so that a test can
// run again in the same process (go test -count) after it sold them.
func ensureStock(t *testing.T, id string, n int) {
	t.Helper()
	if left := stock(t, id); left < n {
		if err := catalog.Restock(id, n-left); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPlaceOrder(t *testing.T) {
	ctx := context.Background()
	id := newID(t)
	ensureStock(t, "apple", 2)
	ensureStock(t, "lemon", 1)
	apples := stock(t, "apple")
	cart.AddToCart(ctx, id, "apple", 2)
	cart.AddToCart(ctx, id, "lemon", 1)
	note := "ring twice"
	f := form()
	f.Note = &note

	o, err := PlaceOrder(ctx, id, f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(o.ID, "A-") || o.Customer != "Ada" || o.Total != 830 || len(o.Lines) != 2 ||
		o.Status != Placed || o.PlacedAt.IsZero() || o.Note == nil || *o.Note != note {
		t.Errorf("order: %+v", o)
	}
	if got := stock(t, "apple"); got != apples-2 {
		t.Errorf("apples in stock: %d, want %d", got, apples-2)
	}
	if c, _ := cart.GetCart(ctx, id); len(c.Lines) != 0 {
		t.Errorf("the cart still holds %+v after the order", c.Lines)
	}

	page, err := ListOrders(ctx, id, "")
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != o.ID {
		t.Errorf("ListOrders: %+v, %v; want the one order", page, err)
	}
}

func TestPlaceOrderEmptyCart(t *testing.T) {
	_, err := PlaceOrder(context.Background(), newID(t), form())
	actiontest.WantError(t, err, actions.CodeFailedPrecondition, "your cart is empty")
}

// TestPlaceOrderSoldOutMeanwhile has two carts hold the last box of
// croissants: the first order takes it, the second fails and changes
// nothing.
func TestPlaceOrderSoldOutMeanwhile(t *testing.T) {
	ctx := context.Background()
	first, second := newID(t), newID(t)
	ensureStock(t, "croissant", 1) // the shop's one box, or one made for a test run again
	ensureStock(t, "pear", 2)
	for _, id := range []cart.ID{first, second} {
		cart.AddToCart(ctx, id, "croissant", 1)
		cart.AddToCart(ctx, id, "pear", 1)
	}
	if _, err := PlaceOrder(ctx, first, form()); err != nil {
		t.Fatal(err)
	}
	pears := stock(t, "pear")
	before, _ := cart.GetCart(ctx, second)

	_, err := PlaceOrder(ctx, second, form())
	actiontest.WantError(t, err, actions.CodeFailedPrecondition, "Croissants is sold out")
	after, _ := cart.GetCart(ctx, second)
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("the failed order changed the cart (-before +after):\n%s", diff)
	}
	if got := stock(t, "pear"); got != pears {
		t.Errorf("the failed order took pears: %d left, want %d", got, pears)
	}
}

func TestListOrdersNewestFirst(t *testing.T) {
	ctx := context.Background()
	id := newID(t)
	ensureStock(t, "carrot", 12)
	var placed []string
	for range 12 {
		cart.AddToCart(ctx, id, "carrot", 1)
		o, err := PlaceOrder(ctx, id, form())
		if err != nil {
			t.Fatal(err)
		}
		placed = append([]string{o.ID}, placed...)
	}
	first, err := ListOrders(ctx, id, "")
	if err != nil || first.Next == nil {
		t.Fatalf("first page: %+v, %v", first, err)
	}
	second, err := ListOrders(ctx, id, *first.Next)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range append(first.Items, second.Items...) {
		got = append(got, o.ID)
	}
	if diff := cmp.Diff(placed, got); diff != "" {
		t.Errorf("orders over two pages (-want +got):\n%s", diff)
	}
	_, err = ListOrders(ctx, id, "x")
	actiontest.WantError(t, err, actions.CodeInvalidArgument, `invalid page cursor "x"`)
}

func TestFormValidate(t *testing.T) {
	long := strings.Repeat("é", 501)
	tests := []struct {
		change  func(*Form)
		message string // "" when valid
	}{
		{func(*Form) {}, ""},
		{func(f *Form) { f.Delivery, f.Address, f.Postcode = Pickup, "", "" }, ""},
		{func(f *Form) { f.Name = "  " }, "please enter your name"},
		{func(f *Form) { f.Email = "ada" }, "please enter an email address"},
		{func(f *Form) { f.Address = "" }, "please enter an address, or choose pickup"},
		{func(f *Form) { f.Delivery = "drone" }, `unknown delivery "drone"`},
		{func(f *Form) { f.Note = &long }, "a note has at most 500 characters"},
		{func(f *Form) { f.Postcode = "0123 AB" }, `"0123 AB" is not a postcode like 1012 AB`},
		{func(f *Form) { f.Postcode = "1012" }, `"1012" is not a postcode like 1012 AB`},
	}
	for _, tt := range tests {
		f := form()
		tt.change(&f)
		err := f.Validate()
		if tt.message == "" {
			if err != nil {
				t.Errorf("%+v: %v, want valid", f, err)
			}
			continue
		}
		actiontest.WantError(t, err, actions.CodeInvalidArgument, tt.message)
	}
}

// setDelay makes each courier answer after d for the rest of the test.
func setDelay(t *testing.T, d time.Duration) {
	old := courierDelay
	courierDelay = d
	t.Cleanup(func() { courierDelay = old })
}

func TestCheckDelivery(t *testing.T) {
	setDelay(t, 0)
	now = func() time.Time { return time.Date(2026, 11, 27, 15, 20, 0, 0, time.UTC) } // a Friday
	t.Cleanup(func() { now = time.Now })

	got, err := CheckDelivery(context.Background(), "1012 ab")
	if err != nil {
		t.Fatal(err)
	}
	want := []DeliveryOption{
		{Delivery: Standard, Courier: "PostNL", Fee: 495, Arrives: time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)},
		{Delivery: Express, Courier: "Bike Couriers", Fee: 995, Arrives: time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)},
		{Delivery: Pickup, Courier: "The shop", Fee: 0, Arrives: time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("options for 1012 AB (-want +got):\n%s", diff)
	}

	got, _ = CheckDelivery(context.Background(), "9711AA")
	if len(got) != 2 || got[1].Delivery != Pickup {
		t.Errorf("Groningen gets %+v, want standard and pickup only", got)
	}

	_, err = CheckDelivery(context.Background(), "nowhere")
	actiontest.WantError(t, err, actions.CodeInvalidArgument, `"nowhere" is not a postcode like 1012 AB`)
}

// TestCheckDeliveryStopsWhenCanceled checks that a call the client gave up
// on returns at once, not when the couriers would have answered.
func TestCheckDeliveryStopsWhenCanceled(t *testing.T) {
	setDelay(t, time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	start := time.Now()
	_, err := CheckDelivery(ctx, "1012 AB")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("CheckDelivery returned %v after the cancel", d)
	}
}
