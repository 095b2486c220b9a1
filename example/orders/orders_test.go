package orders

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
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

// checkout returns a filled-in checkout of the cart with the given ID.
func checkout(id cart.ID) Checkout {
	return Checkout{Cart: id, Name: "Ada", Email: "ada@example.com", Address: "Dam 1", Postcode: "1012 AB", Delivery: Standard}
}

func TestPlaceOrder(t *testing.T) {
	s := newShop(t)
	ada := s.signedIn(t, "ada@example.com")
	s.add(t, "c", "apple", 2)
	s.add(t, "c", "lemon", 1)
	note := "ring twice"
	f := checkout("c")
	f.Note = &note

	o, err := s.orders.PlaceOrder(ada, f)
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
	if _, err := s.orders.PlaceOrder(ada, checkout("c")); err != nil {
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
	_, err := s.orders.PlaceOrder(context.Background(), checkout("c"))
	shoptest.WantError(t, err, actions.CodeUnauthenticated, "please sign in")
	_, err = s.orders.ListOrders(context.Background(), "")
	shoptest.WantError(t, err, actions.CodeUnauthenticated, "please sign in")
	if got := s.stock(t, "pear"); got != 25 {
		t.Errorf("pears left: %d, want all 25", got)
	}
}

func TestPlaceOrderEmptyCart(t *testing.T) {
	s := newShop(t)
	_, err := s.orders.PlaceOrder(s.signedIn(t, "ada@example.com"), checkout("c"))
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
	if _, err := s.orders.PlaceOrder(ada, checkout("first")); err != nil {
		t.Fatal(err)
	}
	before, _ := s.carts.GetCart(context.Background(), "second")

	_, err := s.orders.PlaceOrder(ada, checkout("second"))
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
		o, err := s.orders.PlaceOrder(ada, checkout("c"))
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

func TestCheckoutValidate(t *testing.T) {
	long := strings.Repeat("é", 501)
	tests := []struct {
		change func(*Checkout)
		want   actions.FieldErrors // nil when valid
	}{
		{func(*Checkout) {}, nil},
		{func(c *Checkout) { c.Delivery, c.Address, c.Postcode = Pickup, "", "" }, nil},
		{func(c *Checkout) { c.Cart = "" }, actions.FieldErrors{"cart": "the page has no cart: reload it"}},
		{func(c *Checkout) { c.Name = "  " }, actions.FieldErrors{"name": "please enter your name"}},
		{func(c *Checkout) { c.Email = "ada" }, actions.FieldErrors{"email": "please enter an email address"}},
		{func(c *Checkout) { c.Address = "" }, actions.FieldErrors{"address": "please enter an address, or choose pickup"}},
		{func(c *Checkout) { c.Delivery = "drone" }, actions.FieldErrors{"delivery": `unknown delivery "drone"`}},
		{func(c *Checkout) { c.Note = &long }, actions.FieldErrors{"note": "a note has at most 500 characters"}},
		{func(c *Checkout) { c.Postcode = "0123 AB" }, actions.FieldErrors{"postcode": `"0123 AB" is not a postcode like 1012 AB`}},
		{func(c *Checkout) { c.Postcode = "1012" }, actions.FieldErrors{"postcode": `"1012" is not a postcode like 1012 AB`}},
		{func(c *Checkout) { c.Photo = &actions.File{Name: "big.png", Size: MaxPhotoBytes + 1} }, actions.FieldErrors{"photo": "a photo has at most 2 MiB"}},
		// Every field at fault at once, so that the page can show them all.
		{func(c *Checkout) { c.Name, c.Email, c.Address = "", "", "" }, actions.FieldErrors{
			"name": "please enter your name", "email": "please enter an email address", "address": "please enter an address, or choose pickup",
		}},
	}
	for _, tt := range tests {
		c := checkout("c")
		tt.change(&c)
		err := c.Validate()
		if tt.want == nil {
			if err != nil {
				t.Errorf("%+v: %v, want valid", c, err)
			}
			continue
		}
		got, ok := errors.AsType[actions.FieldErrors](err)
		if !ok {
			t.Errorf("%+v: %v, want field errors %v", c, err, tt.want)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%+v: field errors (-want +got):\n%s", c, diff)
		}
	}
}

// png is a PNG file of one pixel.
var png, _ = base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")

// TestPhotoAndReceipt places an order with a photo for the courier and
// reads its receipt, which names the photo by its size and hash.
func TestPhotoAndReceipt(t *testing.T) {
	s := newShop(t)
	ada := s.signedIn(t, "ada@example.com")
	s.add(t, "c", "apple", 2)
	c := checkout("c")
	photo := actions.FileFromBytes("door.png", "application/octet-stream", png)
	c.Photo = &photo
	empty := "  "
	c.Note = &empty // a blank note is none
	o, err := s.orders.PlaceOrder(ada, c)
	if err != nil {
		t.Fatal(err)
	}
	if o.Photo != "door.png" || o.Note != nil {
		t.Errorf("order: photo %q, note %v; want door.png and no note", o.Photo, o.Note)
	}
	f, err := s.orders.Receipt(ada, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	text, _ := io.ReadAll(rc)
	if f.Name != "receipt-A-1001.txt" || f.ContentType != "text/plain; charset=utf-8" {
		t.Errorf("receipt file: %q %q", f.Name, f.ContentType)
	}
	for _, want := range []string{
		"Receipt for order A-1001\n",
		"  2 × Apples                       €6.40\n",
		"Total                              €6.40\n",
		"Delivery: standard\n",
		fmt.Sprintf("Photo for the courier: door.png, %d bytes, SHA-256 %x\n", len(png), sha256.Sum256(png)),
	} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the receipt has no %q:\n%s", want, text)
		}
	}
	if strings.Contains(string(text), "Note") {
		t.Errorf("the receipt has a note:\n%s", text)
	}

	// Another customer's order, or one that is not there, is not found.
	grace := s.signedIn(t, "grace@example.com")
	for _, id := range []string{o.ID, "A-1002", "A-01001", "1001", ""} {
		ctx := ada
		if id == o.ID {
			ctx = grace
		}
		_, err := s.orders.Receipt(ctx, id)
		shoptest.WantError(t, err, actions.CodeNotFound, fmt.Sprintf("you have no order %q", id))
	}
	page, err := s.orders.ListOrders(ada, "")
	if err != nil || len(page.Items) != 1 || page.Items[0].Photo != "door.png" {
		t.Errorf("ListOrders: %+v, %v; want the order with its photo", page, err)
	}
}

func TestPhotoMustBeAnImage(t *testing.T) {
	s := newShop(t)
	ada := s.signedIn(t, "ada@example.com")
	s.add(t, "c", "apple", 1)
	c := checkout("c")
	// The browser's word is not taken: the bytes say what the file is.
	text := actions.FileFromBytes("door.png", "image/png", []byte("not a picture"))
	c.Photo = &text
	_, err := s.orders.PlaceOrder(ada, c)
	if fe, ok := errors.AsType[actions.FieldErrors](err); !ok || fe["photo"] != "please choose a PNG, JPEG, WebP or GIF image" {
		t.Errorf("error = %v, want a field error for the photo", err)
	}
	if got := s.stock(t, "apple"); got != 40 {
		t.Errorf("apples in stock: %d, want all 40", got)
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
