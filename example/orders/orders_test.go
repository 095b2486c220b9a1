package orders

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/account"
	"github.com/actionsgo/actions/example/cart"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/internal/shoptest"
)

// shop is what the tests of orders use: the shop's shelf, carts and
// orders in a database of the test's own.
type shop struct {
	products *catalog.Store
	carts    *cart.Store
	orders   *Store
	db       *sql.DB
}

func newShop(t *testing.T) *shop {
	t.Helper()
	db := shoptest.DB(t)
	if err := catalog.Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return &shop{products: catalog.NewStore(db), carts: cart.NewStore(db), orders: NewStore(db), db: db}
}

// signedIn returns a context in which a new user with the given email
// address is signed in, as the interceptor account.Store.RequireSession
// makes it.
func (s *shop) signedIn(t *testing.T, email string) context.Context {
	t.Helper()
	id := shoptest.NewUser(t, s.db, email)
	return account.WithUser(context.Background(), account.User{ID: id, Email: email})
}

func (s *shop) stock(t *testing.T, id string) int {
	t.Helper()
	p, err := s.products.GetProduct(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Stock
}

func (s *shop) add(t *testing.T, id cart.ID, productID string, n int) {
	t.Helper()
	if _, err := s.carts.AddToCart(context.Background(), id, productID, n); err != nil {
		t.Fatal(err)
	}
}

func form() Form {
	return Form{Name: "Ada", Email: "ada@example.com", Address: "Dam 1", Postcode: "1012 AB", Delivery: Standard}
}

func TestPlaceOrder(t *testing.T) {
	s := newShop(t)
	ada := s.signedIn(t, "ada@example.com")
	s.add(t, "c", "apple", 2)
	s.add(t, "c", "lemon", 1)
	note := "ring twice"
	f := form()
	f.Note = &note

	o, err := s.orders.PlaceOrder(ada, "c", f)
	if err != nil {
		t.Fatal(err)
	}
	if o.ID != "A-1001" || o.Customer != "Ada" || o.Total != 830 || len(o.Lines) != 2 ||
		o.Status != Placed || o.PlacedAt.IsZero() || o.Note == nil || *o.Note != note {
		t.Errorf("order: %+v", o)
	}
	if got := s.stock(t, "apple"); got != 38 {
		t.Errorf("apples in stock: %d, want 38", got)
	}
	if c, _ := s.carts.GetCart(context.Background(), "c"); len(c.Lines) != 0 {
		t.Errorf("the cart still holds %+v after the order", c.Lines)
	}

	page, err := s.orders.ListOrders(ada, "")
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("ListOrders: %+v, %v; want the one order", page, err)
	}
	if diff := cmp.Diff(o, page.Items[0]); diff != "" {
		t.Errorf("the order as listed (-placed +listed):\n%s", diff)
	}
}

func TestOrdersBelongToTheirCustomer(t *testing.T) {
	s := newShop(t)
	ada, grace := s.signedIn(t, "ada@example.com"), s.signedIn(t, "grace@example.com")
	s.add(t, "c", "pear", 1)
	if _, err := s.orders.PlaceOrder(ada, "c", form()); err != nil {
		t.Fatal(err)
	}
	page, err := s.orders.ListOrders(grace, "")
	if err != nil || len(page.Items) != 0 || page.Total != 0 {
		t.Errorf("Grace sees %+v, %v; want none of Ada's orders", page, err)
	}
}

func TestSignedOut(t *testing.T) {
	s := newShop(t)
	s.add(t, "c", "pear", 1)
	_, err := s.orders.PlaceOrder(context.Background(), "c", form())
	shoptest.WantError(t, err, actions.CodeUnauthenticated, "please sign in")
	_, err = s.orders.ListOrders(context.Background(), "")
	shoptest.WantError(t, err, actions.CodeUnauthenticated, "please sign in")
	if got := s.stock(t, "pear"); got != 25 {
		t.Errorf("pears left: %d, want all 25", got)
	}
}

func TestPlaceOrderEmptyCart(t *testing.T) {
	s := newShop(t)
	_, err := s.orders.PlaceOrder(s.signedIn(t, "ada@example.com"), "c", form())
	shoptest.WantError(t, err, actions.CodeFailedPrecondition, "your cart is empty")
}

// TestPlaceOrderSoldOutMeanwhile has two carts hold the last box of
// croissants: the first order takes it, the second fails and changes
// nothing.
func TestPlaceOrderSoldOutMeanwhile(t *testing.T) {
	s := newShop(t)
	ada := s.signedIn(t, "ada@example.com")
	for _, id := range []cart.ID{"first", "second"} {
		s.add(t, id, "croissant", 1)
		s.add(t, id, "pear", 1)
	}
	if _, err := s.orders.PlaceOrder(ada, "first", form()); err != nil {
		t.Fatal(err)
	}
	before, _ := s.carts.GetCart(context.Background(), "second")

	_, err := s.orders.PlaceOrder(ada, "second", form())
	shoptest.WantError(t, err, actions.CodeFailedPrecondition, "Croissants is sold out")
	after, _ := s.carts.GetCart(context.Background(), "second")
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("the failed order changed the cart (-before +after):\n%s", diff)
	}
	if got := s.stock(t, "pear"); got != 24 {
		t.Errorf("the failed order took pears: %d left, want 24", got)
	}
}

func TestListOrdersNewestFirst(t *testing.T) {
	s := newShop(t)
	ada := s.signedIn(t, "ada@example.com")
	var placed []string
	for range 12 {
		s.add(t, "c", "carrot", 1)
		o, err := s.orders.PlaceOrder(ada, "c", form())
		if err != nil {
			t.Fatal(err)
		}
		placed = append([]string{o.ID}, placed...)
	}
	first, err := s.orders.ListOrders(ada, "")
	if err != nil || first.Next == nil || len(first.Items) != PageSize || first.Total != 12 {
		t.Fatalf("first page: %+v, %v", first, err)
	}
	second, err := s.orders.ListOrders(ada, *first.Next)
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
	_, err = s.orders.ListOrders(ada, "x")
	shoptest.WantError(t, err, actions.CodeInvalidArgument, `invalid page cursor "x"`)
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
		shoptest.WantError(t, err, actions.CodeInvalidArgument, tt.message)
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
	shoptest.WantError(t, err, actions.CodeInvalidArgument, `"nowhere" is not a postcode like 1012 AB`)
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
