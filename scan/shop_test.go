package scan

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestShop loads a module where three packages are named cart, a main
// package does not compile, and stale glue no longer matches its package:
// none of it is the user's mistake, so there is no diagnostic.
func TestShop(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "shop"))
	if err != nil {
		t.Fatal(err)
	}
	glue := filepath.Join(dir, "stale", genFile)
	before, err := os.ReadFile(glue)
	if err != nil {
		t.Fatal(err)
	}
	prog := loadClean(t, dir, "./...")
	checkGolden(t, "shop.json", programJSON(t, prog, dir))

	// The two cart packages of the Program get keys from their paths; the
	// third has nothing the Program needs and does not count.
	keys := map[string]string{}
	for _, p := range prog.Packages {
		keys[p.Path] = p.Key
	}
	wantKeys := map[string]string{
		"example.com/shop/admin/cart": "admin_cart",
		"example.com/shop/cart":       "shop_cart",
		"example.com/shop/edge":       "edge",
		"example.com/shop/money":      "money",
		"example.com/shop/stale":      "stale",
	}
	if diff := cmp.Diff(wantKeys, keys); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	if a := prog.Package("example.com/shop/cart").Actions[0]; a.ID != "shop_cart.Get" {
		t.Errorf("ID = %q, want shop_cart.Get", a.ID)
	}
	// Stale glue is read, never written.
	after, err := os.ReadFile(glue)
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) {
		t.Errorf("%s changed", glue)
	}
}

// TestShopSubset shows that keys depend on the packages of the run: alone,
// a cart package is just cart.
func TestShopSubset(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "shop"))
	if err != nil {
		t.Fatal(err)
	}
	prog := loadClean(t, dir, "./admin/cart")
	if len(prog.Packages) != 1 || prog.Packages[0].Key != "cart" {
		t.Fatalf("packages = %+v, want one with key cart", prog.Packages)
	}
}
