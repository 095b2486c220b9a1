// Package orders turns carts into orders and finds out how they can be
// delivered.
package orders

import (
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/cart"
	"github.com/actionsgo/actions/example/catalog"
)

// Delivery is how an order reaches its customer.
type Delivery string

// The ways of delivery.
const (
	Standard Delivery = "standard" // by post, in two to three days
	Express  Delivery = "express"  // by courier, the next day
	Pickup   Delivery = "pickup"   // collected at the shop
)

// Status is how far an order has come.
type Status string

// The statuses of an order, in the order they happen.
const (
	Placed  Status = "placed"
	Packed  Status = "packed"
	Shipped Status = "shipped"
)

// Form is what the customer fills in at checkout.
type Form struct {
	Name     string   `json:"name"`
	Email    string   `json:"email"`
	Address  string   `json:"address"`
	Postcode string   `json:"postcode"`
	Delivery Delivery `json:"delivery"`
	// Note is for the courier, or null.
	Note *string `json:"note"`
}

// Validate checks the form before PlaceOrder runs; the runtime calls it and
// sends its error as invalid_argument.
func (f Form) Validate() error {
	switch {
	case strings.TrimSpace(f.Name) == "":
		return actions.Errorf(actions.CodeInvalidArgument, "please enter your name")
	case !strings.Contains(f.Email, "@"):
		return actions.Errorf(actions.CodeInvalidArgument, "please enter an email address")
	case f.Delivery != Pickup && strings.TrimSpace(f.Address) == "":
		return actions.Errorf(actions.CodeInvalidArgument, "please enter an address, or choose pickup")
	case f.Delivery != Standard && f.Delivery != Express && f.Delivery != Pickup:
		return actions.Errorf(actions.CodeInvalidArgument, "unknown delivery %q", f.Delivery)
	case f.Note != nil && utf8.RuneCountInString(*f.Note) > 500:
		return actions.Errorf(actions.CodeInvalidArgument, "a note has at most 500 characters")
	}
	if f.Delivery != Pickup {
		return checkPostcode(f.Postcode)
	}
	return nil
}

// Order is a placed order.
type Order struct {
	ID       string        `json:"id"`
	Customer string        `json:"customer"`
	Lines    []cart.Line   `json:"lines"`
	Total    catalog.Cents `json:"total"`
	Delivery Delivery      `json:"delivery"`
	Status   Status        `json:"status"`
	PlacedAt time.Time     `json:"placedAt"`
	// Note is the customer's note for the courier, or null.
	Note *string `json:"note"`
}

// DeliveryOption is one way an order can reach a postcode.
type DeliveryOption struct {
	Delivery Delivery      `json:"delivery"`
	Courier  string        `json:"courier"`
	Fee      catalog.Cents `json:"fee"`
	// Arrives is the earliest time the order would arrive.
	Arrives time.Time `json:"arrives"`
}

// checkPostcode accepts a Dutch postcode such as "1012 AB".
func checkPostcode(postcode string) error {
	p := strings.ReplaceAll(strings.ToUpper(postcode), " ", "")
	ok := len(p) == 6 && p[0] != '0'
	for i, r := range p {
		if i < 4 && !unicode.IsDigit(r) || i >= 4 && !('A' <= r && r <= 'Z') {
			ok = false
		}
	}
	if !ok {
		return actions.Errorf(actions.CodeInvalidArgument, "%q is not a postcode like 1012 AB", postcode)
	}
	return nil
}

// Variables that tests change.
var (
	// now is the clock.
	now = time.Now
	// courierDelay is how long each courier takes to answer.
	courierDelay = time.Second
)

// courier is one delivery service.
type courier struct {
	name     string
	delivery Delivery
	fee      catalog.Cents
	days     int
	// serves reports whether the courier delivers to the postcode, which
	// is valid.
	serves func(postcode string) bool
}

// couriers are asked in this order.
var couriers = []courier{
	{name: "PostNL", delivery: Standard, fee: 495, days: 2, serves: func(string) bool { return true }},
	// Express only reaches the cities of the west, postcodes 1000–3999.
	{name: "Bike Couriers", delivery: Express, fee: 995, days: 1, serves: func(p string) bool { return p[0] <= '3' }},
	{name: "The shop", delivery: Pickup, fee: 0, days: 0, serves: func(string) bool { return true }},
}

// quote returns the option the courier offers for postcode, on a call made at
// start.
func (c courier) quote(postcode string, start time.Time) (DeliveryOption, bool) {
	if !c.serves(postcode) {
		return DeliveryOption{}, false
	}
	day := start.AddDate(0, 0, c.days)
	arrives := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, time.UTC)
	if c.days == 0 {
		arrives = start.Add(2 * time.Hour).Truncate(time.Hour).UTC()
	}
	return DeliveryOption{Delivery: c.delivery, Courier: c.name, Fee: c.fee, Arrives: arrives}, true
}

// book are the orders the server runs with. Tests make their own.
var book = &ledger{}

// ledger keeps the placed orders in memory. It is safe for concurrent use.
type ledger struct {
	mu     sync.Mutex
	orders map[cart.ID][]Order // newest last
	count  int
}

func (l *ledger) place(cartID cart.ID, form Form) (Order, error) {
	var o Order
	err := cart.Checkout(cartID, func(c cart.Cart) error {
		if len(c.Lines) == 0 {
			return actions.Errorf(actions.CodeFailedPrecondition, "your cart is empty")
		}
		want := make(map[string]int, len(c.Lines))
		for _, line := range c.Lines {
			want[line.ProductID] = line.Quantity
		}
		if err := catalog.Reserve(want); err != nil {
			return err
		}
		o = l.add(cartID, Order{
			Customer: strings.TrimSpace(form.Name),
			Lines:    c.Lines,
			Total:    c.Total,
			Delivery: form.Delivery,
			Status:   Placed,
			PlacedAt: now().UTC(),
			Note:     form.Note,
		})
		return nil
	})
	return o, err
}

// add numbers the order and keeps it.
func (l *ledger) add(cartID cart.ID, o Order) Order {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.count++
	o.ID = fmt.Sprintf("A-%d", 1000+l.count)
	if l.orders == nil {
		l.orders = make(map[cart.ID][]Order)
	}
	l.orders[cartID] = append(l.orders[cartID], o)
	return o
}

// list returns the orders of a cart, newest first.
func (l *ledger) list(cartID cart.ID) []Order {
	l.mu.Lock()
	defer l.mu.Unlock()
	orders := l.orders[cartID]
	out := make([]Order, len(orders))
	for i, o := range orders {
		out[len(orders)-1-i] = o
	}
	return out
}
