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
	tString  = &model.Type{Kind: model.KindString, Go: "string"}
	tInt     = &model.Type{Kind: model.KindInt, Go: "int", Bits: 64}
	tBool    = &model.Type{Kind: model.KindBool, Go: "bool"}
	tItem    = &model.Type{Kind: model.KindNamed, Pkg: "example.com/shop/cart", Name: "Item"}
	tStatus  = &model.Type{Kind: model.KindNamed, Pkg: "example.com/shop/cart", Name: "Status"}
	tItemDef = &model.Type{Kind: model.KindStruct,
		Fields:   []*model.Field{{Name: "sku", GoName: "SKU", Type: tString}},
		GoFields: []*model.GoField{{Name: "SKU", Tag: `json:"sku"`, Type: tString}},
	}
)

// handbuiltModel is the model the scanner would build for the archive's
// module, written by hand so that the emitter is tested on its own.
func handbuiltModel() *model.Program {
	base := &model.Type{Kind: model.KindNamed, Pkg: "example.com/shop/page", Name: "Base"}
	note := "json:\"note\" doc:\"`quoted`\""
	filter := &model.Type{Kind: model.KindStruct,
		Fields: []*model.Field{
			{Name: "id", GoName: "Base.ID", Type: tString},
			{Name: "query", GoName: "Query", Type: tString, Optional: true, OmitEmpty: true},
			{Name: "note", GoName: "Note", Type: tString},
		},
		GoFields: []*model.GoField{
			{Name: "Base", Embedded: true, Type: base},
			{Name: "Query", Tag: `json:"query,omitempty"`, Type: tString},
			{Name: "limit", Type: tInt},
			{Name: "Note", Tag: note, Type: tString},
		},
	}
	opts := &model.Type{Kind: model.KindPointer, Elem: &model.Type{Kind: model.KindStruct,
		Fields:   []*model.Field{{Name: "dry", GoName: "Dry", Type: tBool}},
		GoFields: []*model.GoField{{Name: "Dry", Tag: `json:"dry"`, Type: tBool}},
	}}
	param := func(name string, t *model.Type) *model.Param { return &model.Param{Name: name, TSName: name, Type: t} }
	action := func(name string, ctx bool, result *model.Type, err bool, params ...*model.Param) *model.Action {
		return &model.Action{ID: "cart." + name, Name: name, TSName: strings.ToLower(name[:1]) + name[1:],
			Context: ctx, Params: params, Result: result, Error: err}
	}
	return &model.Program{Packages: []*model.Package{
		{
			Path: "example.com/shop/cart", Name: "cart", Dir: "cart", Key: "cart",
			Actions: []*model.Action{
				action("Ping", false, nil, false),
				action("Check", true, nil, true),
				action("Count", false, tInt, false),
				action("Add", true, tItem, true, param("item", tItem), param("n", tInt)),
				action("Find", true, &model.Type{Kind: model.KindNamed, Pkg: "example.com/shop/page", Name: "Page", TypeArgs: []*model.Type{tItem}}, true,
					param("filter", filter)),
				action("Import", false, &model.Type{Kind: model.KindMap, Key: tStatus, Elem: &model.Type{Kind: model.KindSlice, Elem: tItem}}, true,
					param("doc", &model.Type{Kind: model.KindNamed, Pkg: "example.com/shop/json", Name: "Document"}),
					param("raw", &model.Type{Kind: model.KindRawMessage, Go: "json.RawMessage"}),
					param("at", &model.Type{Kind: model.KindTime, Go: "time.Time"}),
					param("addr", &model.Type{Kind: model.KindTextMarshaler, Pkg: "net/netip", Name: "Addr"}),
					param("month", &model.Type{Kind: model.KindInt, Go: "int", Bits: 64, Pkg: "time", Name: "Month"}),
					param("lookup", &model.Type{Kind: model.KindMap, Key: tString, Elem: &model.Type{Kind: model.KindPointer, Elem: &model.Type{Kind: model.KindArray, Len: 2, Elem: tItem}}}),
					param("opts", opts)),
				action("Collide", false, tStatus, false,
					param("ctx", tString), param("ctxArg", tInt),
					param("args", &model.Type{Kind: model.KindBytes, Go: "[]byte"}),
					param("err", tBool), param("page", tItem), param("Item", tItem),
					param("json", &model.Type{Kind: model.KindAny, Go: "any"}),
					param("Collide", &model.Type{Kind: model.KindFloat, Go: "float64", Bits: 64}),
					param("result", &model.Type{Kind: model.KindInt, Go: "uint8", Bits: 8, Unsigned: true})),
				action("ctx", true, tItem, true, param("n", tInt)),
				action("args", false, nil, true, param("args", tInt)),
			},
			Types: []*model.Named{
				{Name: "Item", Type: tItemDef},
				{Name: "Status", Type: tString, Enum: []*model.EnumValue{{Name: "StatusOpen", Value: `"open"`}}},
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
