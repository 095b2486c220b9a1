package scan

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReach loads packages whose actions reach only part of what they
// declare and import.
func TestReach(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}

	// The enums of catalog are complete, although cart reaches them only
	// through orders, a package loaded from export data, and KindC names
	// no type.
	prog := loadClean(t, dir, "./reach/cart", "./reach/catalog")
	for name, want := range map[string][]string{"Kind": {"KindA", "KindB", "KindC"}, "Size": {"Small", "Large"}} {
		n := prog.Lookup("example.com/bad/reach/catalog", name)
		if n == nil {
			t.Fatalf("catalog.%s is not in the model", name)
		}
		var got []string
		for _, v := range n.Enum {
			got = append(got, v.Name)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("constants of catalog.%s (-want +got):\n%s", name, diff)
		}
	}

	// store's imports do not compile, but no action reaches them: the
	// scan asks for the export data of neither, and reports nothing.
	var exports []string
	testHookExports = func(paths []string) { exports = append(exports, paths...) }
	defer func() { testHookExports = nil }()
	prog = loadClean(t, dir, "./reach/store")
	if p := prog.Package("example.com/bad/reach/store"); p == nil || len(p.Actions) != 1 {
		t.Fatalf("store's actions: %+v", p)
	}
	if len(exports) != 0 {
		t.Errorf("export data loaded for %q; the actions of store reach no other package", exports)
	}
	exports = nil
	loadClean(t, dir, "./reach/cart")
	if diff := cmp.Diff([]string{"example.com/bad/reach/orders"}, exports); diff != "" {
		t.Errorf("export data loaded for cart (-want +got):\n%s", diff)
	}
}
