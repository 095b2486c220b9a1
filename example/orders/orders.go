// Package orders turns carts into orders and finds out how they can be
// delivered.
//
// Store is a service whose every exported method is an action (the
// directive is on its type); the server wraps its actions in the
// interceptor account.Store.RequireSession, so they run only for a
// signed-in customer, whose orders they see. CheckDelivery, in
// delivery.go, is an action anyone may call.
package orders

import (
	"database/sql"
	"strings"
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

// Store keeps the orders in the shop's database.
//
//actions:server
type Store struct {
	db  *sql.DB
	now func() time.Time
}

// NewStore returns the orders kept in db, whose tables shopdb.Open made.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db, now: time.Now}
}
