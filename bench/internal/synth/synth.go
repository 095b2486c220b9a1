// Package synth writes synthetic Go modules whose packages declare actions
// on the types an order service would use, for timing the generator and
// measuring the generated client.
package synth

import (
	"fmt"
	"strings"

	"github.com/actionsgo/actions/bench/internal/benchenv"
)

// Module writes into dir a module example.com/synth that uses the actions
// module at root, with package common and one package per entry of pkgs,
// named by its key, with that many actions. Every package declares the types
// an order service would (a struct with nested structs, slices, maps,
// pointers, time.Time and a string enum) and shares a few from common.
func Module(dir, root string, pkgs map[string]int) error {
	goMod, goSum, err := benchenv.GoModFor("example.com/synth", root)
	if err != nil {
		return err
	}
	files := map[string][]byte{
		"go.mod":           goMod,
		"go.sum":           goSum,
		"common/common.go": []byte(commonSrc),
	}
	for name, n := range pkgs {
		files[name+"/types.go"] = []byte(strings.ReplaceAll(typesSrc, "PKG", name))
		files[name+"/actions.go"] = actionsFile(name, n)
	}
	return benchenv.WriteFiles(dir, files)
}

// actionsFile returns the source of n actions in package name, taking the
// signatures of actionTemplates in turn; from the second round on, names
// get the round's number.
func actionsFile(name string, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"context\"\n\n\t\"example.com/synth/common\"\n)\n\nvar _ common.Money\n", name)
	for i := range n {
		suffix := ""
		if round := i / len(actionTemplates); round > 0 {
			suffix = fmt.Sprint(round + 1)
		}
		b.WriteString(strings.ReplaceAll(actionTemplates[i%len(actionTemplates)], "SUFFIX", suffix))
	}
	return []byte(b.String())
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

// actionTemplates are ten actions with the signatures a service has.
var actionTemplates = []string{
	`
// GetOrderSUFFIX returns one order.
//
//actions:server
func GetOrderSUFFIX(ctx context.Context, id string) (Order, error) { return Order{ID: id}, nil }
`, `
// ListOrdersSUFFIX returns the orders that match f.
//
//actions:server
func ListOrdersSUFFIX(ctx context.Context, f Filter) ([]Order, error) { return nil, nil }
`, `
// CreateOrderSUFFIX stores a new order.
//
//actions:server
func CreateOrderSUFFIX(ctx context.Context, o Order) (*Order, error) { return &o, nil }
`, `
// UpdateStatusSUFFIX moves an order along.
//
//actions:server
func UpdateStatusSUFFIX(ctx context.Context, id string, s Status) error { return nil }
`, `
// DeleteOrderSUFFIX removes an order.
//
//actions:server
func DeleteOrderSUFFIX(ctx context.Context, id string) error { return nil }
`, `
// AddLineSUFFIX adds a product to an order.
//
//actions:server
func AddLineSUFFIX(ctx context.Context, id string, l Line) (Order, error) {
	return Order{ID: id, Lines: []Line{l}}, nil
}
`, `
// TotalsSUFFIX returns the total of each order.
//
//actions:server
func TotalsSUFFIX(ctx context.Context, ids []string) (map[string]common.Money, error) { return nil, nil }
`, `
// SearchSUFFIX finds orders by text.
//
//actions:server
func SearchSUFFIX(ctx context.Context, q string, limit int) ([]Order, error) { return nil, nil }
`, `
// PingSUFFIX answers.
//
//actions:server
func PingSUFFIX() string { return "pong" }
`, `
// SummarySUFFIX sums the orders up.
//
//actions:server
func SummarySUFFIX(ctx context.Context) (Stats, error) { return Stats{}, nil }
`,
}
