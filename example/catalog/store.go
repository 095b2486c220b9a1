package catalog

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"slices"
	"strings"

	"github.com/actionsgo/actions/example/shopdb"
)

// The columns of a Product, in the order scan reads them.
const columns = "id, name, description, category, emoji, price, stock"

type scanner interface{ Scan(dest ...any) error }

func scan(row scanner) (Product, error) {
	var p Product
	err := row.Scan(&p.ID, &p.Name, &p.Description, &p.Category, &p.Emoji, &p.Price, &p.Stock)
	return p, err
}

// list returns limit products of category c (or of all, when c is nil)
// from offset on, in shelf order, and how many there are in all.
func list(ctx context.Context, q shopdb.Querier, c *Category, offset, limit int) ([]Product, int, error) {
	const where = " FROM products WHERE ?1 IS NULL OR category = ?1"
	var total int
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*)"+where, c).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := q.QueryContext(ctx, "SELECT "+columns+where+" ORDER BY shelf LIMIT ?2 OFFSET ?3", c, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Product
	for rows.Next() {
		p, err := scan(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, p)
	}
	return out, total, rows.Err()
}

// stock returns the stock level of every product, in shelf order.
func stock(ctx context.Context, q shopdb.Querier) ([]StockLevel, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, stock FROM products ORDER BY shelf")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StockLevel
	for rows.Next() {
		var l StockLevel
		if err := rows.Scan(&l.ProductID, &l.Stock); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// Lookup returns the product with the given id, or the NotFound error.
func Lookup(ctx context.Context, q shopdb.Querier, id string) (Product, error) {
	p, err := scan(q.QueryRowContext(ctx, "SELECT "+columns+" FROM products WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return Product{}, NotFound(id)
	}
	return p, err
}

// Reserve takes the units of each product in want (product id to count)
// out of stock, all or nothing: if any product lacks stock, nothing
// changes and the error says which one. Run it in the transaction that
// records why the units went, so that both happen or neither.
func Reserve(ctx context.Context, tx *sql.Tx, want map[string]int) error {
	ids := slices.Sorted(maps.Keys(want))
	if len(ids) == 0 {
		return nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	// In shelf order, so that the error names the same product every
	// time, whatever the map's order.
	rows, err := tx.QueryContext(ctx, "SELECT "+columns+" FROM products WHERE id IN (?"+
		strings.Repeat(", ?", len(ids)-1)+") ORDER BY shelf", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	found := map[string]bool{}
	for rows.Next() {
		p, err := scan(rows)
		if err != nil {
			return err
		}
		if n := want[p.ID]; n > p.Stock {
			return OutOfStock(p, n)
		}
		found[p.ID] = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if !found[id] {
			return NotFound(id)
		}
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "UPDATE products SET stock = stock - ? WHERE id = ?", want[id], id); err != nil {
			return err
		}
	}
	return nil
}

// Seed puts the products of Shelf in the catalog if it has none: the
// shop's first start.
func Seed(ctx context.Context, db *sql.DB) error {
	return shopdb.InTx(ctx, db, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM products").Scan(&n); err != nil || n > 0 {
			return err
		}
		for i, p := range Shelf() {
			_, err := tx.ExecContext(ctx, "INSERT INTO products (shelf, "+columns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				i, p.ID, p.Name, p.Description, p.Category, p.Emoji, p.Price, p.Stock)
			if err != nil {
				return err
			}
		}
		return nil
	})
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
