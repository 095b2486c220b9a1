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
	runtimeImports := []*model.GoImport{{Path: "context", Name: "context"}, {Path: "github.com/actionsgo/actions", Name: "actions"}}
	for _, tc := range []struct {
		name    string
		typ     *model.Type
		goType  *model.GoType
		imports []*model.GoImport
		want    string
	}{
		{"no spelling", tString, nil, runtimeImports, "parameter x: no Go spelling of the type (GoType)"},
		{"empty spelling", tString, &model.GoType{}, runtimeImports, "parameter x: no Go spelling of the type (GoType)"},
		{"import not named", tItem, &model.GoType{Expr: "other.Item", Imports: []string{"example.com/other"}}, runtimeImports,
			"parameter x: type other.Item: the model names no import of example.com/other (Package.GoImports)"},
		{"runtime not named", tString, &model.GoType{Expr: "string"}, nil,
			"the model names no import of github.com/actionsgo/actions (Package.GoImports)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prog := &model.Program{Packages: []*model.Package{{
				Path: "example.com/p", Name: "p", Dir: "p", Key: "p",
				Actions:   []*model.Action{{ID: "p.F", Name: "F", Params: []*model.Param{{Name: "x", Type: tc.typ, GoType: tc.goType}}}},
				GoImports: tc.imports,
			}}}
			files, err := goemit.Generate(prog)
			want := "generating the Go glue of example.com/p: "
			if tc.imports != nil {
				want += "action F: "
			}
			want += tc.want
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
	want := "generating the Go glue of example.com/p: action F: result: no Go spelling of the type (GoType)"
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
