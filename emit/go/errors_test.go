package goemit_test

import (
	"bytes"
	"testing"

	goemit "github.com/actionsgo/actions/emit/go"
	"github.com/actionsgo/actions/model"
)

// TestGenerateErrors checks that a model the glue cannot be written from is
// an error that names the package, action and parameter, and writes nothing.
func TestGenerateErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		typ  *model.Type
		want string
	}{
		{"type parameter", &model.Type{Kind: model.KindTypeParam, Name: "T"}, "type parameter T outside a generic type"},
		{"struct without GoFields", &model.Type{Kind: model.KindStruct, Fields: []*model.Field{{Name: "a", GoName: "A", Type: tString}}},
			"anonymous struct without its Go fields (model.Type.GoFields)"},
		{"marshaler without name", &model.Type{Kind: model.KindMarshaler}, "marshaler type without its package and name"},
		{"named without package", &model.Type{Kind: model.KindNamed, Name: "Item"}, "named type without its package and name"},
		{"int without Go", &model.Type{Kind: model.KindInt}, "int type without its Go spelling"},
		{"unknown kind", &model.Type{Kind: "chan"}, `unknown kind "chan"`},
		{"missing element", &model.Type{Kind: model.KindSlice}, "missing type"},
		{"nested", &model.Type{Kind: model.KindMap, Key: tString, Elem: &model.Type{Kind: model.KindTypeParam, Name: "V"}}, "type parameter V outside a generic type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prog := &model.Program{Packages: []*model.Package{{
				Path: "example.com/p", Name: "p", Dir: "p", Key: "p",
				Actions: []*model.Action{{ID: "p.F", Name: "F", Params: []*model.Param{{Name: "x", Type: tc.typ}}}},
			}}}
			files, err := goemit.Generate(prog)
			want := "generating the Go glue of example.com/p: action F: parameter x: " + tc.want
			if err == nil || err.Error() != want {
				t.Errorf("got error %v\nwant %s", err, want)
			}
			if files != nil {
				t.Errorf("got files with the error: %v", files)
			}
		})
	}
}

// TestGenerateResultError checks that a bad result type is named as such.
func TestGenerateResultError(t *testing.T) {
	prog := &model.Program{Packages: []*model.Package{{
		Path: "example.com/p", Name: "p", Dir: "p", Key: "p",
		Actions: []*model.Action{{ID: "p.F", Name: "F", Result: &model.Type{Kind: model.KindBool}}},
	}}}
	_, err := goemit.Generate(prog)
	want := "generating the Go glue of example.com/p: action F: result: bool type without its Go spelling"
	if err == nil || err.Error() != want {
		t.Errorf("got error %v\nwant %s", err, want)
	}
}

// TestNoActions checks that only packages with actions get a file.
func TestNoActions(t *testing.T) {
	prog := &model.Program{Packages: []*model.Package{
		{Path: "example.com/types", Name: "types", Dir: "types", Key: "types", Types: []*model.Named{{Name: "Item", Type: tItemDef}}},
	}}
	files, err := goemit.Generate(prog)
	if err != nil || len(files) != 0 {
		t.Errorf("got %d files and error %v, want none", len(files), err)
	}
}

// TestDeterministic generates the same model many times: the output must
// not depend on map iteration order or anything else that varies by run.
func TestDeterministic(t *testing.T) {
	first, err := goemit.Generate(handbuiltModel())
	if err != nil {
		t.Fatal(err)
	}
	for range 50 {
		again, err := goemit.Generate(handbuiltModel())
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != len(first) || !bytes.Equal(again[0].Content, first[0].Content) {
			t.Fatalf("a second run generated different output:\n%s\nthen:\n%s", first[0].Content, again[0].Content)
		}
	}
}
