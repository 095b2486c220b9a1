package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// synthModule writes a module of n packages with ten actions each into dir,
// using the actions module at root. Every package declares the types an
// order service would (a struct with nested structs, slices, maps, pointers,
// time.Time and a string enum) and shares a few from package common.
func synthModule(dir, root string, n int) error {
	goMod := fmt.Sprintf("module example.com/synth\n\ngo 1.26.0\n\nrequire github.com/actionsgo/actions v0.0.0\n\nreplace github.com/actionsgo/actions => %s\n", root)
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	files := map[string]string{
		"go.mod":           goMod,
		"go.sum":           string(sum),
		"common/common.go": commonSrc,
	}
	for i := range n {
		name := fmt.Sprintf("orders%03d", i)
		files[name+"/types.go"] = strings.ReplaceAll(typesSrc, "PKG", name)
		files[name+"/actions.go"] = strings.ReplaceAll(actionsSrc, "PKG", name)
	}
	for path, content := range files {
		full := filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

const commonSrc = `// Package common holds the types every service shares.
package common

// Money is an amount in the currency's smallest unit.
type Money struct {
	Amount   int64  ` + "`json:\"amount\"`" + `
	Currency string ` + "`json:\"currency\"`" + `
}

// Address is where an order goes.
type Address struct {
	Street  string ` + "`json:\"street\"`" + `
	City    string ` + "`json:\"city\"`" + `
	Zip     string ` + "`json:\"zip\"`" + `
	Country string ` + "`json:\"country\"`" + `
}

// Customer places orders.
type Customer struct {
	ID       string   ` + "`json:\"id\"`" + `
	Name     string   ` + "`json:\"name\"`" + `
	Email    string   ` + "`json:\"email\"`" + `
	Shipping *Address ` + "`json:\"shipping,omitempty\"`" + `
}
`

const typesSrc = `package PKG

import (
	"time"

	"example.com/synth/common"
)

// Status is where an order stands.
type Status string

// The statuses of an order.
const (
	StatusOpen    Status = "open"
	StatusPaid    Status = "paid"
	StatusShipped Status = "shipped"
)

// Order is what a customer bought.
type Order struct {
	ID        string            ` + "`json:\"id\"`" + `
	Customer  common.Customer   ` + "`json:\"customer\"`" + `
	Lines     []Line            ` + "`json:\"lines\"`" + `
	Total     common.Money      ` + "`json:\"total\"`" + `
	Status    Status            ` + "`json:\"status\"`" + `
	Notes     *string           ` + "`json:\"notes,omitempty\"`" + `
	Meta      map[string]string ` + "`json:\"meta,omitempty\"`" + `
	CreatedAt time.Time         ` + "`json:\"createdAt\"`" + `
}

// Line is one product of an order.
type Line struct {
	SKU      string       ` + "`json:\"sku\"`" + `
	Quantity int          ` + "`json:\"quantity\"`" + `
	Price    common.Money ` + "`json:\"price\"`" + `
}

// Filter selects orders.
type Filter struct {
	Status []Status   ` + "`json:\"status,omitempty\"`" + `
	Since  *time.Time ` + "`json:\"since,omitempty\"`" + `
	Limit  int        ` + "`json:\"limit\"`" + `
}

// Stats sums the orders up.
type Stats struct {
	Count    int            ` + "`json:\"count\"`" + `
	ByStatus map[Status]int ` + "`json:\"byStatus\"`" + `
	Updated  time.Time      ` + "`json:\"updated\"`" + `
}
`

const actionsSrc = `package PKG

import (
	"context"

	"example.com/synth/common"
)

// GetOrder returns one order.
//
//actions:server
func GetOrder(ctx context.Context, id string) (Order, error) { return Order{ID: id}, nil }

// ListOrders returns the orders that match f.
//
//actions:server
func ListOrders(ctx context.Context, f Filter) ([]Order, error) { return nil, nil }

// CreateOrder stores a new order.
//
//actions:server
func CreateOrder(ctx context.Context, o Order) (*Order, error) { return &o, nil }

// UpdateStatus moves an order along.
//
//actions:server
func UpdateStatus(ctx context.Context, id string, s Status) error { return nil }

// DeleteOrder removes an order.
//
//actions:server
func DeleteOrder(ctx context.Context, id string) error { return nil }

// AddLine adds a product to an order.
//
//actions:server
func AddLine(ctx context.Context, id string, l Line) (Order, error) { return Order{ID: id, Lines: []Line{l}}, nil }

// Totals returns the total of each order.
//
//actions:server
func Totals(ctx context.Context, ids []string) (map[string]common.Money, error) { return nil, nil }

// Search finds orders by text.
//
//actions:server
func Search(ctx context.Context, q string, limit int) ([]Order, error) { return nil, nil }

// Ping answers.
//
//actions:server
func Ping() string { return "pong" }

// Summary sums the orders up.
//
//actions:server
func Summary(ctx context.Context) (Stats, error) { return Stats{}, nil }
`
