package catalog

import (
	"slices"
	"sync"
)

// shop is the catalog the server runs with. Tests make their own.
var shop = newStore(Shelf())

// store holds the products in memory. It is safe for concurrent use.
type store struct {
	mu       sync.Mutex
	products []Product // in shelf order; Stock changes, nothing else
}

func newStore(products []Product) *store {
	return &store{products: slices.Clone(products)}
}

// list returns a copy of the products of category c, or of all when c is nil.
func (s *store) list(c *Category) []Product {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Product
	for _, p := range s.products {
		if c == nil || p.Category == *c {
			out = append(out, p)
		}
	}
	return out
}

func (s *store) get(id string) (Product, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.index(id)
	if i < 0 {
		return Product{}, false
	}
	return s.products[i], true
}

// index returns the position of product id, or -1. s.mu must be held.
func (s *store) index(id string) int {
	return slices.IndexFunc(s.products, func(p Product) bool { return p.ID == id })
}

// reserve checks every product first and changes stock only if all have
// enough, so a failed order takes nothing.
func (s *store) reserve(want map[string]int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	// Check in shelf order, so that the error names the same product
	// every time, whatever the map's order.
	for _, p := range s.products {
		if n, ok := want[p.ID]; ok && n > p.Stock {
			return OutOfStock(p, n)
		}
	}
	for id := range want {
		if s.index(id) < 0 {
			return NotFound(id)
		}
	}
	for i := range s.products {
		s.products[i].Stock -= want[s.products[i].ID]
	}
	return nil
}

func (s *store) restock(id string, units int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.index(id)
	if i < 0 {
		return NotFound(id)
	}
	s.products[i].Stock += units
	return nil
}

// Shelf returns the products the shop opens with.
func Shelf() []Product {
	return []Product{
		{ID: "apple", Name: "Apples", Emoji: "🍎", Category: Fruit, Price: 320, Stock: 40,
			Description: "A bag of six crisp Elstar apples."},
		{ID: "pear", Name: "Pears", Emoji: "🍐", Category: Fruit, Price: 280, Stock: 25,
			Description: "Four Conference pears, ripe this week."},
		{ID: "lemon", Name: "Lemons", Emoji: "🍋", Category: Fruit, Price: 190, Stock: 30,
			Description: "Three unwaxed lemons from Sicily."},
		{ID: "carrot", Name: "Carrots", Emoji: "🥕", Category: Vegetables, Price: 150, Stock: 50,
			Description: "A kilo of carrots, tops on."},
		{ID: "avocado", Name: "Avocados", Emoji: "🥑", Category: Vegetables, Price: 450, Stock: 12,
			Description: "Two Hass avocados, ready to eat."},
		{ID: "bread", Name: "Sourdough loaf", Emoji: "🍞", Category: Bakery, Price: 525, Stock: 8,
			Description: "Baked this morning; 48-hour rise."},
		{ID: "croissant", Name: "Croissants", Emoji: "🥐", Category: Bakery, Price: 360, Stock: 1,
			Description: "A box of four butter croissants. The last box today."},
		{ID: "honey", Name: "Wildflower honey", Emoji: "🍯", Category: Pantry, Price: 890, Stock: 0,
			Description: "A 450 g jar from the next valley. Back next week."},
	}
}
