// Package orders turns carts into orders and finds out how they can be
// delivered.
//
// Store is a service whose every exported method is an action (the
// directive is on its type); the server wraps its actions in the
// interceptor account.Store.RequireSession, so they run only for a
// signed-in customer, whose orders they see. PlaceOrder is a form action:
// it takes the checkout form, with a photo for the courier, from a browser
// without JavaScript too; Receipt is a download. CheckDelivery, in
// delivery.go, is an action anyone may call.
package orders

import (
	"database/sql"
	"fmt"
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

// Checkout is the checkout form: PlaceOrder takes it from the generated
// client, from React's useActionState through placeOrderForm, or posted
// by a browser without JavaScript. Each field is the input of the same
// name.
type Checkout struct {
	// Cart is the cart to buy, a hidden input.
	Cart     cart.ID  `json:"cart"`
	Name     string   `json:"name"`
	Email    string   `json:"email"`
	Address  string   `json:"address"`
	Postcode string   `json:"postcode"`
	Delivery Delivery `json:"delivery"`
	// Note is for the courier, or null.
	Note *string `json:"note"`
	// Photo is a photo of the door, for the courier, when the customer
	// chose one.
	Photo *actions.File `json:"photo,omitempty"`
}

// MaxPhotoBytes is the largest photo a checkout takes.
const MaxPhotoBytes = 2 << 20

// Validate checks the form before PlaceOrder runs; the runtime calls it and
// sends what is wrong as invalid_argument with the fields at fault, which
// the page shows beside its inputs.
func (c Checkout) Validate() error {
	problems := actions.FieldErrors{}
	if c.Cart.Validate() != nil {
		problems["cart"] = "the page has no cart: reload it"
	}
	if strings.TrimSpace(c.Name) == "" {
		problems["name"] = "please enter your name"
	}
	if !strings.Contains(c.Email, "@") {
		problems["email"] = "please enter an email address"
	}
	switch c.Delivery {
	case Standard, Express:
		if strings.TrimSpace(c.Address) == "" {
			problems["address"] = "please enter an address, or choose pickup"
		}
		if p := postcodeProblem(c.Postcode); p != "" {
			problems["postcode"] = p
		}
	case Pickup:
	default:
		problems["delivery"] = fmt.Sprintf("unknown delivery %q", c.Delivery)
	}
	if c.Note != nil && utf8.RuneCountInString(*c.Note) > 500 {
		problems["note"] = "a note has at most 500 characters"
	}
	if c.Photo != nil && c.Photo.Size > MaxPhotoBytes {
		problems["photo"] = fmt.Sprintf("a photo has at most %d MiB", MaxPhotoBytes>>20)
	}
	if len(problems) > 0 {
		return problems
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
	// Photo is the file name of the photo for the courier; absent when
	// the customer sent none.
	Photo string `json:"photo,omitempty"`
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
	if p := postcodeProblem(postcode); p != "" {
		return actions.Errorf(actions.CodeInvalidArgument, "%s", p)
	}
	return nil
}

// postcodeProblem says what is wrong with a postcode, or "" for a Dutch
// postcode such as "1012 AB".
func postcodeProblem(postcode string) string {
	p := strings.ReplaceAll(strings.ToUpper(postcode), " ", "")
	ok := len(p) == 6 && p[0] != '0'
	for i, r := range p {
		if i < 4 && !unicode.IsDigit(r) || i >= 4 && !('A' <= r && r <= 'Z') {
			ok = false
		}
	}
	if !ok {
		return fmt.Sprintf("%q is not a postcode like 1012 AB", postcode)
	}
	return ""
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
