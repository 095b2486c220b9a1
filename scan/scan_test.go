package scan

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions/model"
)

func TestDiagnosticFormat(t *testing.T) {
	wd := filepath.FromSlash("/src/shop")
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{model.Pos{File: "/src/shop/cart/cart.go", Line: 12, Col: 6}, "m"}, "cart/cart.go:12:6: m"},
		{Diagnostic{model.Pos{File: "/src/shop/cart/cart.go", Line: 12}, "m"}, "cart/cart.go:12: m"},
		{Diagnostic{model.Pos{File: "/src/shop/cart/cart.go"}, "m"}, "cart/cart.go: m"},
		{Diagnostic{model.Pos{File: "/elsewhere/x.go", Line: 1, Col: 2}, "m"}, "/elsewhere/x.go:1:2: m"},
		{Diagnostic{model.Pos{}, "no position"}, "no position"},
	}
	for _, tt := range tests {
		tt.d.Pos.File = filepath.FromSlash(tt.d.Pos.File)
		if got := tt.d.Format(wd); got != filepath.FromSlash(tt.want) {
			t.Errorf("Format(%+v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestParseErrorPos(t *testing.T) {
	tests := map[string]model.Pos{
		"/a/b.go:3:4": {File: "/a/b.go", Line: 3, Col: 4},
		"/a/b.go:3":   {File: "/a/b.go", Line: 3},
		"C:/a/b.go:3": {File: "C:/a/b.go", Line: 3},
		"":            {},
		"-":           {},
	}
	for in, want := range tests {
		if diff := cmp.Diff(want, parseErrorPos(in)); diff != "" {
			t.Errorf("parseErrorPos(%q) (-want +got):\n%s", in, diff)
		}
	}
}

// TestLoadNoDirectory fails with an error, not diagnostics, when the go
// command cannot run.
func TestLoadNoDirectory(t *testing.T) {
	prog, diags, err := Load(Config{Dir: filepath.Join(t.TempDir(), "missing")}, "./...")
	if err == nil {
		t.Fatalf("Load succeeded: %+v, %v", prog, diags)
	}
}

// TestLoadMissingDirectory reports a pattern that names no directory as a
// diagnostic.
func TestLoadMissingDirectory(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "shop"))
	if err != nil {
		t.Fatal(err)
	}
	_, diags, err := Load(Config{Dir: dir}, "./nope")
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 1 || diags[0].Format(dir) != "nope: directory not found" {
		t.Fatalf("diagnostics = %v, want one about nope", diags)
	}
}

func TestAssignKeys(t *testing.T) {
	tests := []struct {
		paths []string // sorted; the package name is the last element
		want  []string
	}{
		{[]string{"example.com/shop/cart"}, []string{"cart"}},
		{[]string{"example.com/admin/cart", "example.com/shop/cart"}, []string{"admin_cart", "shop_cart"}},
		{[]string{"a/x/cart", "b/x/cart"}, []string{"a_x_cart", "b_x_cart"}},
		{[]string{"admin/cart", "cart", "shop/cart"}, []string{"admin_cart", "cart", "shop_cart"}},
		{[]string{"admin/cart", "shop/cart", "z/admin_cart"}, []string{"admin_cart", "shop_cart", "z_admin_cart"}},
		{[]string{"my-app/cart", "my_app/cart"}, []string{"my_app_cart", "my_app_cart_2"}},
		{[]string{"example.com/cart", "example.org/cart"}, []string{"example_com_cart", "example_org_cart"}},
		// Numbered keys stay clear of every other key: m_a_b_cart_2 is a
		// package's own name here.
		{[]string{"m/a-b/cart", "m/a.b/cart", "m/m_a_b_cart_2"}, []string{"m_a_b_cart", "m_a_b_cart_3", "m_a_b_cart_2"}},
		{[]string{"a-b/cart", "a.b/cart", "a_b/cart", "x/a_b_cart_2"}, []string{"a_b_cart", "a_b_cart_3", "a_b_cart_4", "a_b_cart_2"}},
		// Keys name files: they must differ in more than case.
		{[]string{"shop/Cart", "shop/cart"}, []string{"shop_Cart", "shop_cart_2"}},
		{[]string{"a/Cart", "b/cart"}, []string{"a_Cart", "b_cart"}},
		// The TypeScript runtime is runtime.ts: no package takes its key.
		{[]string{"example.com/shop/runtime"}, []string{"shop_runtime"}},
		{[]string{"example.com/shop/Runtime", "example.com/shop/cart"}, []string{"shop_Runtime", "cart"}},
		{[]string{"runtime"}, []string{"runtime_2"}},
	}
	for _, tt := range tests {
		var pkgs []*model.Package
		for _, p := range tt.paths {
			pkgs = append(pkgs, &model.Package{Path: p, Name: filepath.Base(p)})
		}
		assignKeys(pkgs)
		var got []string
		for _, p := range pkgs {
			got = append(got, p.Key)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("keys of %v (-want +got):\n%s", tt.paths, diff)
		}
	}
}
