// Package cart keeps each visitor's shopping cart.
//
// A cart is named by an ID that the client makes up and keeps; the server
// only holds the contents, in memory.
package cart

import (
	"maps"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/catalog"
)

// ID names a cart. The client picks it (a random UUID in the example's
// frontend).
type ID string

// Validate refuses an ID the server would not want to keep: the runtime
// calls it on every argument of type ID before the action runs.
func (id ID) Validate() error {
	if id == "" || len(id) > 64 || !utf8.ValidString(string(id)) {
		return actions.Errorf(actions.CodeInvalidArgument, "a cart ID has 1 to 64 characters")
	}
	return nil
}

// Cart is what one visitor is about to buy.
type Cart struct {
	ID ID `json:"id"`
	// Lines are the products in the cart, in the order they were first
	// added.
	Lines []Line `json:"lines"`
	// Count is the number of units of all lines.
	Count int `json:"count"`
	// Total is the price of all lines.
	Total catalog.Cents `json:"total"`
	// UpdatedAt is when the cart last changed; null for a cart never used.
	UpdatedAt *time.Time `json:"updatedAt"`
}

// Line is one product in a cart.
type Line struct {
	ProductID string        `json:"productId"`
	Name      string        `json:"name"`
	Emoji     string        `json:"emoji"`
	UnitPrice catalog.Cents `json:"unitPrice"`
	Quantity  int           `json:"quantity"`
	// Subtotal is UnitPrice times Quantity.
	Subtotal catalog.Cents `json:"subtotal"`
}

// Get returns the cart with the given id, for the server's other packages.
func Get(id ID) Cart {
	return carts.get(id)
}

// Checkout runs buy with the contents of the cart while no one can change
// the cart, and empties the cart if buy succeeds, so that an order has
// exactly what was in the cart and nothing added meanwhile is lost.
//
// buy runs with the lock of every cart held, so it must not call into this
// package. It may take other locks (the catalog's, the orders'): nothing
// holds one of those while it waits for the carts'.
func Checkout(id ID, buy func(Cart) error) error {
	return carts.checkout(id, buy)
}

// MaxCarts bounds the memory the carts take: when a new cart would make
// more, the one left alone longest is forgotten. Cart IDs come from
// clients, so without a bound anyone could fill the server's memory.
const MaxCarts = 10_000

// carts are the carts the server runs with. Tests make their own.
var carts = newStore(MaxCarts, time.Now)

// store holds carts in memory. It is safe for concurrent use.
type store struct {
	mu    sync.Mutex
	max   int
	now   func() time.Time
	carts map[ID]*Cart
}

func newStore(max int, now func() time.Time) *store {
	return &store{max: max, now: now, carts: make(map[ID]*Cart)}
}

// get returns a copy of the cart, which the caller may keep.
func (s *store) get(id ID) Cart {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.carts[id]; ok {
		return c.clone()
	}
	return Cart{ID: id, Lines: []Line{}}
}

func (s *store) add(id ID, p catalog.Product, quantity int) (Cart, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.open(id)
	i := slices.IndexFunc(c.Lines, func(l Line) bool { return l.ProductID == p.ID })
	if i < 0 {
		c.Lines = append(c.Lines, Line{ProductID: p.ID, Name: p.Name, Emoji: p.Emoji, UnitPrice: p.Price})
		i = len(c.Lines) - 1
	}
	want := c.Lines[i].Quantity + quantity
	if want > p.Stock {
		// Nothing changes: a line just made for this call goes again.
		if c.Lines[i].Quantity == 0 {
			c.Lines = c.Lines[:i]
		}
		return c.clone(), catalog.OutOfStock(p, want)
	}
	if want > MaxQuantity {
		return c.clone(), actions.Errorf(actions.CodeInvalidArgument,
			"a cart holds at most %d of one product", MaxQuantity)
	}
	// The price is the one of now: the catalog may have changed it.
	c.Lines[i].UnitPrice = p.Price
	c.Lines[i].Quantity = want
	s.touch(c)
	return c.clone(), nil
}

func (s *store) remove(id ID, productID string) Cart {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.carts[id]
	if !ok {
		return Cart{ID: id, Lines: []Line{}}
	}
	c.Lines = slices.DeleteFunc(c.Lines, func(l Line) bool { return l.ProductID == productID })
	s.touch(c)
	return c.clone()
}

func (s *store) checkout(id ID, buy func(Cart) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.carts[id]
	if !ok {
		c = &Cart{ID: id, Lines: []Line{}}
	}
	if err := buy(c.clone()); err != nil {
		return err
	}
	delete(s.carts, id)
	return nil
}

func (s *store) clear(id ID) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.carts, id)
}

// open returns the cart to change, making it if needed. s.mu must be held.
func (s *store) open(id ID) *Cart {
	if c, ok := s.carts[id]; ok {
		return c
	}
	if len(s.carts) >= s.max {
		s.evict()
	}
	// Stamped now, so that evict can compare it before it first changes.
	now := s.now()
	c := &Cart{ID: id, Lines: []Line{}, UpdatedAt: &now}
	s.carts[id] = c
	return c
}

// evict forgets the cart left alone longest; of carts left alone equally
// long, the one with the smallest ID, so that tests can predict it. s.mu
// must be held.
func (s *store) evict() {
	var oldest *Cart
	for _, id := range slices.Sorted(maps.Keys(s.carts)) {
		c := s.carts[id]
		if oldest == nil || c.UpdatedAt.Before(*oldest.UpdatedAt) {
			oldest = c
		}
	}
	if oldest != nil {
		delete(s.carts, oldest.ID)
	}
}

// touch works out the cart's totals and stamps the time. s.mu must be held.
func (s *store) touch(c *Cart) {
	c.Count, c.Total = 0, 0
	for i := range c.Lines {
		l := &c.Lines[i]
		l.Subtotal = l.UnitPrice * catalog.Cents(l.Quantity)
		c.Count += l.Quantity
		c.Total += l.Subtotal
	}
	now := s.now()
	c.UpdatedAt = &now
}

// clone returns a copy of c that shares no memory with it.
func (c *Cart) clone() Cart {
	out := *c
	out.Lines = slices.Clone(c.Lines)
	if out.Lines == nil {
		out.Lines = []Line{}
	}
	if c.UpdatedAt != nil {
		t := *c.UpdatedAt
		out.UpdatedAt = &t
	}
	return out
}
