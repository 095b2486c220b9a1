package scan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// Size of the synthetic module of the benchmarks.
const (
	benchPackages = 100
	benchActions  = 10
)

// writeBenchModule writes a module of benchPackages packages with
// benchActions actions each into dir. Each package declares a few realistic
// struct types (nested structs, slices, maps, pointers, time.Time, an enum)
// and uses a type of the package before it, so type information crosses
// packages the way it does in an application.
func writeBenchModule(tb testing.TB, dir string) {
	tb.Helper()
	write := func(name, content string) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	write("go.mod", "module example.com/bench\n\ngo 1.26\n")
	for i := range benchPackages {
		name := fmt.Sprintf("p%03d", i)
		var b strings.Builder
		fmt.Fprintf(&b, "// Package %s is generated for the benchmark.\npackage %s\n\n", name, name)
		b.WriteString("import (\n\t\"context\"\n\t\"errors\"\n\t\"time\"\n")
		prev := ""
		if i > 0 {
			prev = fmt.Sprintf("p%03d", i-1)
			fmt.Fprintf(&b, "\n\t%q\n", "example.com/bench/"+prev)
		}
		b.WriteString(")\n\n")
		b.WriteString(`// Status is where an order is.
type Status string

// Statuses.
const (
	StatusNew     Status = "new"
	StatusPaid    Status = "paid"
	StatusShipped Status = "shipped"
)

// Address is where an order goes.
type Address struct {
	Street  string ` + "`json:\"street\"`" + `
	City    string ` + "`json:\"city\"`" + `
	Country string ` + "`json:\"country,omitempty\"`" + `
}

// Customer places orders.
type Customer struct {
	ID      string            ` + "`json:\"id\"`" + `
	Name    string            ` + "`json:\"name\"`" + `
	Address *Address          ` + "`json:\"address,omitempty\"`" + `
	Tags    map[string]string ` + "`json:\"tags\"`" + `
}

// LineItem is one line of an order.
type LineItem struct {
	SKU      string  ` + "`json:\"sku\"`" + `
	Quantity int     ` + "`json:\"quantity\"`" + `
	Price    float64 ` + "`json:\"price\"`" + `
}

// Audit is embedded in Order.
type Audit struct {
	Created time.Time ` + "`json:\"created\"`" + `
	Updated time.Time ` + "`json:\"updated,omitzero\"`" + `
}

// Order is a customer's order.
type Order struct {
	Audit
	ID       string     ` + "`json:\"id\"`" + `
	Status   Status     ` + "`json:\"status\"`" + `
	Customer Customer   ` + "`json:\"customer\"`" + `
	Items    []LineItem ` + "`json:\"items\"`" + `
	Notes    []string   ` + "`json:\"notes,omitempty\"`" + `
`)
		if prev != "" {
			fmt.Fprintf(&b, "\tReferrer *%s.Customer `json:\"referrer,omitempty\"`\n", prev)
		}
		b.WriteString("}\n\n// Page is a page of results.\ntype Page[T any] struct {\n\tItems []T `json:\"items\"`\n\tNext  string `json:\"next,omitempty\"`\n}\n")
		for j := range benchActions {
			switch j % 5 {
			case 0:
				fmt.Fprintf(&b, "\n// GetOrder%d returns an order.\n//\n//actions:server\nfunc GetOrder%d(ctx context.Context, id string) (Order, error) {\n\treturn Order{ID: id}, nil\n}\n", j, j)
			case 1:
				fmt.Fprintf(&b, "\n// ListOrders%d lists orders.\n//\n//actions:server\nfunc ListOrders%d(ctx context.Context, status Status, limit int) (Page[Order], error) {\n\treturn Page[Order]{}, nil\n}\n", j, j)
			case 2:
				fmt.Fprintf(&b, "\n// AddItem%d adds an item.\n//\n//actions:server\nfunc AddItem%d(ctx context.Context, order string, item LineItem) error {\n\treturn errors.New(\"no\")\n}\n", j, j)
			case 3:
				fmt.Fprintf(&b, "\n// UpdateCustomer%d updates a customer.\n//\n//actions:server\nfunc UpdateCustomer%d(c Customer) (*Customer, error) {\n\treturn &c, nil\n}\n", j, j)
			case 4:
				if prev != "" {
					fmt.Fprintf(&b, "\n// Refer%d uses the previous package.\n//\n//actions:server\nfunc Refer%d(ctx context.Context, c %s.Customer) (map[string]%s.Order, error) {\n\treturn nil, nil\n}\n", j, j, prev, prev)
				} else {
					fmt.Fprintf(&b, "\n// Ping%d answers.\n//\n//actions:server\nfunc Ping%d() string {\n\treturn \"pong\"\n}\n", j, j)
				}
			}
		}
		write(filepath.Join(name, name+".go"), b.String())
		write(filepath.Join(name, "store.go"), fmt.Sprintf(storeFile, name))
	}
}

// storeFile is the rest of a package of the synthetic module: code that is
// not on the wire but imports what application code does (HTTP, SQL, JSON,
// logging), so the standard library behind it is as large as in a real
// application.
const storeFile = `package %s

import (
	"database/sql"
	"encoding/json"
	"log/slog"
	"net/http"
)

// store keeps orders in a database.
type store struct {
	db  *sql.DB
	log *slog.Logger
}

// serveOrder writes an order as JSON.
func (s *store) serveOrder(w http.ResponseWriter, r *http.Request) {
	var o Order
	row := s.db.QueryRowContext(r.Context(), "SELECT id FROM orders WHERE id = ?", r.PathValue("id"))
	if err := row.Scan(&o.ID); err != nil {
		s.log.Error("order", "err", err)
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(o)
}
`

// BenchmarkScan times scan.Load on the synthetic module.
func BenchmarkScan(b *testing.B) {
	dir := b.TempDir()
	writeBenchModule(b, dir)
	// The first load builds the export data the scan needs; later ones,
	// like every run after a build, find it in the build cache. Time those. The
	// first also checks that the module has every action, so the benchmark
	// measures a real scan.
	prog, diags, err := Load(Config{Dir: dir}, "./...")
	if err != nil || len(diags) > 0 {
		b.Fatal(err, diags)
	}
	n := 0
	for _, p := range prog.Packages {
		n += len(p.Actions)
	}
	if n != benchPackages*benchActions {
		b.Fatalf("found %d actions, want %d", n, benchPackages*benchActions)
	}
	for b.Loop() {
		_, diags, err := Load(Config{Dir: dir}, "./...")
		if err != nil || len(diags) > 0 {
			b.Fatal(err, diags)
		}
	}
}

// BenchmarkLoadFull times the naive approach on the same module: syntax
// and types for every package, dependencies and standard library included.
func BenchmarkLoadFull(b *testing.B) {
	dir := b.TempDir()
	writeBenchModule(b, dir)
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedTypes |
			packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedDeps | packages.NeedImports,
		Dir: dir,
	}
	if _, err := packages.Load(cfg, "./..."); err != nil { // as for BenchmarkScan
		b.Fatal(err)
	}
	for b.Loop() {
		pkgs, err := packages.Load(cfg, "./...")
		if err != nil || packages.PrintErrors(pkgs) > 0 {
			b.Fatal(err)
		}
	}
}
