package goemit_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionsgo/actions/internal/testkit"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	goemit "github.com/actionsgo/actions/emit/go"
	"github.com/actionsgo/actions/model"
)

const handbuiltArchive = "testdata/handbuilt.txtar"

// Types of the hand-built model.
var (
	tString  = &model.Type{Kind: model.KindString}
	tInt     = &model.Type{Kind: model.KindInt, Bits: 64}
	tBool    = &model.Type{Kind: model.KindBool}
	tItem    = &model.Type{Kind: model.KindNamed, Pkg: "example.com/shop/cart", Name: "Item"}
	tStatus  = &model.Type{Kind: model.KindNamed, Pkg: "example.com/shop/cart", Name: "Status"}
	tItemDef = &model.Type{Kind: model.KindStruct, Fields: []*model.Field{{Name: "sku", GoName: "SKU", Type: tString}}}
)

// goType spells a type of the hand-built model, naming the packages of
// imports.
func goType(expr string, imports ...string) *model.GoType {
	return &model.GoType{Expr: expr, Imports: imports}
}

// handbuiltModel is the model the scanner would build for the archive's
// module, written by hand so that the emitter is tested on its own.
func handbuiltModel() *model.Program {
	filter := &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
		{Name: "id", GoName: "Base.ID", Type: tString},
		{Name: "query", GoName: "Query", Type: tString, Optional: true, OmitEmpty: true},
		{Name: "note", GoName: "Note", Type: tString},
	}}
	filterGo := goType("struct {\npage.Base\nQuery string `json:\"query,omitempty\"`\nlimit int\nNote string \"json:\\\"note\\\" doc:\\\"`quoted`\\\"\"\ndone chan<- struct{}\n}", "example.com/shop/page")
	opts := &model.Type{Kind: model.KindPointer, Elem: &model.Type{Kind: model.KindStruct,
		Fields: []*model.Field{{Name: "dry", GoName: "Dry", Type: tBool}},
	}}
	param := func(name string, t *model.Type, g *model.GoType) *model.Param {
		return &model.Param{Name: name, TSName: name, Type: t, GoType: g}
	}
	action := func(name string, ctx bool, result *model.Type, resultGo *model.GoType, err bool, params ...*model.Param) *model.Action {
		return &model.Action{ID: "cart." + name, Name: name, TSName: strings.ToLower(name[:1]) + name[1:],
			Context: ctx, Params: params, Result: result, ResultGoType: resultGo, Error: err}
	}
	item, integer := goType("Item"), goType("int")
	return &model.Program{Packages: []*model.Package{
		{
			Path: "example.com/shop/cart", Name: "cart", Dir: "cart", Key: "cart",
			Actions: []*model.Action{
				action("Ping", false, nil, nil, false),
				action("Check", true, nil, nil, true),
				action("Count", false, tInt, integer, false),
				action("Add", true, tItem, item, true, param("item", tItem, item), param("n", tInt, integer)),
				action("Find", true, &model.Type{Kind: model.KindNamed, Pkg: "example.com/shop/page", Name: "Page", TypeArgs: []*model.Type{tItem}},
					goType("page.Page[Item]", "example.com/shop/page"), true,
					param("filter", filter, filterGo)),
				action("Import", false, &model.Type{Kind: model.KindMap, Key: tStatus, Elem: &model.Type{Kind: model.KindSlice, Elem: tItem}}, goType("map[Status][]Item"), true,
					param("doc", &model.Type{Kind: model.KindNamed, Pkg: "example.com/shop/json", Name: "Document"}, goType("json2.Document", "example.com/shop/json")),
					param("raw", &model.Type{Kind: model.KindRawMessage}, goType("json.RawMessage", "encoding/json")),
					param("at", &model.Type{Kind: model.KindTime}, goType("time.Time", "time")),
					param("addr", &model.Type{Kind: model.KindTextMarshaler}, goType("netip.Addr", "net/netip")),
					param("month", &model.Type{Kind: model.KindInt, Bits: 64}, goType("time.Month", "time")),
					param("lookup", &model.Type{Kind: model.KindMap, Key: tString, Elem: &model.Type{Kind: model.KindPointer, Elem: &model.Type{Kind: model.KindArray, Len: 2, Elem: tItem}}},
						goType("map[string]*[2]Item")),
					param("opts", opts, goType("*struct {\nDry bool `json:\"dry\"`\n}"))),
				action("Collide", false, tStatus, goType("Status"), false,
					param("ctx", tString, goType("string")), param("ctxArg", tInt, integer),
					param("args", &model.Type{Kind: model.KindBytes}, goType("[]byte")),
					param("err", tBool, goType("bool")), param("page", tItem, item), param("Item", tItem, item),
					param("json", &model.Type{Kind: model.KindAny}, goType("any")),
					param("Collide", &model.Type{Kind: model.KindFloat, Bits: 64}, goType("float64")),
					param("result", &model.Type{Kind: model.KindInt, Bits: 8, Unsigned: true}, goType("uint8"))),
				action("ctx", true, tItem, item, true, param("n", tInt, integer)),
				action("args", false, nil, nil, true, param("args", tInt, integer)),
			},
			Types: []*model.Named{
				{Name: "Item", Type: tItemDef},
				{Name: "Status", Type: tString, Enum: []*model.EnumValue{{Name: "StatusOpen", Value: `"open"`}}},
			},
			GoImports: []*model.GoImport{
				{Path: "context", Name: "context"},
				{Path: "encoding/json", Name: "json"},
				{Path: "example.com/shop/json", Name: "json2", Alias: true},
				{Path: "example.com/shop/page", Name: "page"},
				{Path: "github.com/actionsgo/actions", Name: "actions"},
				{Path: "iter", Name: "iter"},
				{Path: "net/netip", Name: "netip"},
				{Path: "time", Name: "time"},
			},
		},
		{Path: "example.com/shop/json", Name: "json", Dir: "json", Key: "json", Types: []*model.Named{
			{Name: "Document", Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{{Name: "body", GoName: "Body", Type: tString}}}},
		}},
		{Path: "example.com/shop/page", Name: "page", Dir: "page", Key: "page", Types: []*model.Named{
			{Name: "Base", Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{{Name: "id", GoName: "ID", Type: tString}}}},
			{Name: "Page", TypeParams: []string{"T"}, Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
				{Name: "items", GoName: "Items", Type: &model.Type{Kind: model.KindSlice, Elem: &model.Type{Kind: model.KindTypeParam, Name: "T"}}},
			}}},
		}},
	}}
}

// TestHandBuilt generates the glue of a hand-built model, compares it with
// the archive's golden file, and builds the archive's module with it: the
// collisions and the anonymous struct must not only look right but compile.
func TestHandBuilt(t *testing.T) {
	files, err := goemit.Generate(handbuiltModel())
	if err != nil {
		t.Fatal(err)
	}
	// Only cart has actions.
	if len(files) != 1 || files[0].Path != filepath.Join("cart", goemit.FileName) {
		t.Fatalf("generated %d files (%v), want only cart/%s", len(files), files, goemit.FileName)
	}
	got := files[0].Content
	checkGenerated(t, "cart/"+goemit.FileName, got)

	ar, err := txtar.ParseFile(handbuiltArchive)
	if err != nil {
		t.Fatal(err)
	}
	golden := archiveFile(t, ar, "cart/"+goemit.FileName)
	if *update {
		golden.Data = got
		if err := os.WriteFile(handbuiltArchive, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if diff := cmp.Diff(string(golden.Data), string(got)); diff != "" {
		t.Errorf("%s: cart/%s is stale (-want +got); go test ./emit/go -update rewrites it:\n%s", handbuiltArchive, goemit.FileName, diff)
	}

	dir := writeModule(t, ar, got)
	if out, err := goCommand(t, dir, "vet", "./..."); err != nil {
		t.Fatalf("the generated glue does not build: %v\n%s", err, out)
	}
}

// TestStaleGlue shows why each action's signature is pinned: a function
// whose result type changed still compiles at its call site, as Call
// returns an any, but not against the pin, which names the action.
func TestStaleGlue(t *testing.T) {
	files, err := goemit.Generate(handbuiltModel())
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile(handbuiltArchive)
	if err != nil {
		t.Fatal(err)
	}
	src := archiveFile(t, ar, "cart/cart.go")
	changed := bytes.Replace(src.Data, []byte("func Count() int { return 0 }"), []byte("func Count() int64 { return 0 }"), 1)
	if bytes.Equal(changed, src.Data) {
		t.Fatal("cart/cart.go has no func Count() int to change")
	}
	src.Data = changed
	dir := writeModule(t, ar, files[0].Content)
	out, err := goCommand(t, dir, "build", "./...")
	if err == nil {
		t.Fatal("stale glue compiled")
	}
	want := "cannot use Count (value of type func() int64) as func() int value in variable declaration"
	if !strings.Contains(out, goemit.FileName) || !strings.Contains(out, want) {
		t.Errorf("the build error does not point at the pin in %s with %q:\n%s", goemit.FileName, want, out)
	}
}

// archiveFile returns the file called name in ar.
func archiveFile(t *testing.T, ar *txtar.Archive, name string) *txtar.File {
	t.Helper()
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			return &ar.Files[i]
		}
	}
	t.Fatalf("%s has no file %s", handbuiltArchive, name)
	return nil
}

// writeModule writes the archive's module and the glue of cart to a
// temporary directory, with the runtime replaced by this repository.
func writeModule(t *testing.T, ar *txtar.Archive, glue []byte) string {
	t.Helper()
	dir := t.TempDir()
	root := testkit.RepoRoot(t)
	for _, f := range ar.Files {
		data := f.Data
		switch f.Name {
		case "cart/" + goemit.FileName:
			data = glue
		case "go.mod":
			data = append(bytes.Clone(data), "\nreplace github.com/actionsgo/actions => "+root+"\n"...)
		}
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The runtime's own requirements need checksums to be loaded.
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// goCommand runs the go command in dir, offline, and returns its output.
func goCommand(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// BenchmarkGenerate measures the glue of the hand-built model: one package
// of nine actions.
func BenchmarkGenerate(b *testing.B) {
	prog := handbuiltModel()
	for b.Loop() {
		if _, err := goemit.Generate(prog); err != nil {
			b.Fatal(err)
		}
	}
}
