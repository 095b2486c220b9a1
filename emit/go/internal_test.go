package goemit

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions/model"
)

// TestFormatSourceError checks that source go/format rejects is never
// returned, and that the error shows the source with line numbers.
func TestFormatSourceError(t *testing.T) {
	src := "package p\n\nfunc f() {\n\treturn )\n}\n"
	out, err := formatSource([]byte(src))
	if err == nil {
		t.Fatalf("formatSource accepted broken source and returned:\n%s", out)
	}
	if out != nil {
		t.Errorf("formatSource returned output with its error:\n%s", out)
	}
	for _, want := range []string{"4:9: expected operand", "   1  package p\n", "   4  \treturn )\n", "   5  }\n"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not contain %q:\n%v", want, err)
		}
	}
}

func TestFormatSource(t *testing.T) {
	out, err := formatSource([]byte("package p\nvar  x=1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), "package p\n\nvar x = 1\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPackageName(t *testing.T) {
	prog := &model.Program{Packages: []*model.Package{{Path: "example.com/x/go-json", Name: "gojson"}}}
	for _, tc := range []struct {
		path    string
		name    string
		certain bool
	}{
		{"github.com/actionsgo/actions", "actions", true},
		{"example.com/x/go-json", "gojson", true}, // loaded: the model knows
		{"net/netip", "netip", true},
		{"math/rand/v2", "rand", true},
		{"gopkg.in/yaml.v3", "yaml", false},
		{"example.com/go-thing", "thing", false},
		{"example.com/thing/v2", "thing", false},
		{"example.com/2024", "pkg", false},
	} {
		name, certain := packageName(prog, tc.path)
		if name != tc.name || certain != tc.certain {
			t.Errorf("packageName(%q) = %q, %v; want %q, %v", tc.path, name, certain, tc.name, tc.certain)
		}
	}
}

func TestImportNames(t *testing.T) {
	prog := &model.Program{Packages: []*model.Package{
		{Path: "example.com/shop/json", Name: "json"},
		{Path: "example.com/shop/time", Name: "time"},
		{Path: "example.com/shop/args", Name: "args"},
	}}
	// The file's package declares a type named like an import.
	pkg := &model.Package{Path: "example.com/shop/cart", Name: "cart", Types: []*model.Named{{Name: "netip"}}}
	got := importNames(prog, pkg, []string{"example.com/shop/time", "time", "encoding/json", "example.com/shop/json", "net/netip", "example.com/shop/args"})
	want := map[string]importName{
		"github.com/actionsgo/actions": {name: "actions"},
		"context":                      {name: "context"},
		"encoding/json":                {name: "json"},
		"example.com/shop/json":        {name: "json2", alias: true},
		"example.com/shop/time":        {name: "time"},
		"time":                         {name: "time2", alias: true},
		"net/netip":                    {name: "netip2", alias: true},
		"example.com/shop/args":        {name: "args2", alias: true},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(importName{})); diff != "" {
		t.Errorf("importNames (-want +got):\n%s", diff)
	}
}

func TestGroupImports(t *testing.T) {
	src := "package p\n\nimport (\n\t\"context\"\n\tx \"example.com/x\"\n\t\"time\"\n)\n\nvar _ = 1\n"
	want := "package p\n\nimport (\n\t\"context\"\n\t\"time\"\n\n\tx \"example.com/x\"\n)\n\nvar _ = 1\n"
	if got := string(groupImports([]byte(src))); got != want {
		t.Errorf("groupImports:\n%s\nwant:\n%s", got, want)
	}
	single := "package p\n\nimport \"context\"\n"
	if got := string(groupImports([]byte(single))); got != single {
		t.Errorf("groupImports changed a single import:\n%s", got)
	}
}

func TestTagLiteral(t *testing.T) {
	for tag, want := range map[string]string{
		`json:"name,omitempty"`:   "`json:\"name,omitempty\"`",
		"json:\"a\" note:\"`q`\"": "\"json:\\\"a\\\" note:\\\"`q`\\\"\"",
		"json:\"line\nbreak\"":    "\"json:\\\"line\\nbreak\\\"\"",
	} {
		if got := tagLiteral(tag); got != want {
			t.Errorf("tagLiteral(%q) = %s, want %s", tag, got, want)
		}
	}
}
