package scan

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions/model"
)

// TestSpelling shows the Go spelling of parameter types: fields that do
// not travel are spelt too, tags as written, and packages by the names the
// glue gives them, which avoid the package's own identifiers and each
// other.
func TestSpelling(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	prog := loadClean(t, dir, "./spelling")
	pkg := prog.Package("example.com/bad/spelling")
	wantImports := []*model.GoImport{
		{Path: "context", Name: "context"},
		{Path: "encoding/json", Name: "json"},
		{Path: "example.com/bad/spelling/json", Name: "json2", Alias: true},
		{Path: "github.com/actionsgo/actions", Name: "actions2", Alias: true},
		{Path: "iter", Name: "iter"},
		{Path: "net/netip", Name: "netip2", Alias: true},
		{Path: "time", Name: "time"},
	}
	if diff := cmp.Diff(wantImports, pkg.GoImports); diff != "" {
		t.Errorf("GoImports (-want +got):\n%s", diff)
	}
	var got []*model.GoType
	for _, p := range pkg.Actions[0].Params {
		got = append(got, p.GoType)
	}
	want := []*model.GoType{
		{Expr: "struct {\nName string `json:\"name\"`\nhook func() int\nch chan<- bool\nNote string \"json:\\\"note\\\" doc:\\\"`q`\\\"\"\n}"},
		{Expr: "time.Time", Imports: []string{"time"}},
		{Expr: "json.RawMessage", Imports: []string{"encoding/json"}},
		{Expr: "*json2.Doc", Imports: []string{"example.com/bad/spelling/json"}},
		{Expr: "[]netip2.Addr", Imports: []string{"net/netip"}},
		{Expr: "map[string][2]byte"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("GoTypes (-want +got):\n%s", diff)
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
