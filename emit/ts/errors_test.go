package tsemit

import (
	"strings"
	"testing"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/model"
)

// TestGenerateErrors feeds Generate models it cannot write and expects an
// error that says why, and no files.
func TestGenerateErrors(t *testing.T) {
	pkg := func(key string, types []*model.Named, acts ...*model.Action) *model.Package {
		return &model.Package{Path: "example.com/" + key, Name: key, Key: key, Types: types, Actions: acts}
	}
	item := []*model.Named{{Name: "Item", Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{field("a", tString)}}}}
	act := func(tsName string, params []*model.Param, result *model.Type) *model.Action {
		return &model.Action{ID: "p.A", Name: "A", TSName: tsName, Params: params, Result: result}
	}
	tests := []struct {
		name string
		pkgs []*model.Package
		want string
	}{
		{"runtime key", []*model.Package{pkg("runtime", item)},
			"package example.com/runtime: its module runtime.ts would be the module of the runtime"},
		{"same key", []*model.Package{pkg("cart", item), {Path: "example.com/other/cart", Key: "cart", Types: item}},
			"package example.com/other/cart: its module cart.ts would be the module of package example.com/cart"},
		{"same key but for case", []*model.Package{pkg("cart", item), {Path: "example.com/other/Cart", Key: "Cart", Types: item}},
			"package example.com/other/Cart: its module Cart.ts would be the module of package example.com/cart"},
		{"runtime key but for case", []*model.Package{pkg("Runtime", item)},
			"package example.com/Runtime: its module Runtime.ts would be the module of the runtime"},
		{"key with a slash", []*model.Package{pkg("../cart", item)},
			`package example.com/../cart: key "../cart" cannot name a module`},
		{"action name", []*model.Package{pkg("p", nil, act("a-b", nil, nil))},
			`package example.com/p: action A: TypeScript name "a-b" is not an identifier`},
		{"parameter name", []*model.Package{pkg("p", nil, act("a", []*model.Param{{Name: "x", TSName: "", Type: tString}}, nil))},
			`package example.com/p: action A: parameter name "" is not an identifier`},
		{"same function name", []*model.Package{pkg("p", nil, act("a", nil, nil), &model.Action{ID: "p.B", Name: "B", TSName: "a"})},
			"package example.com/p: B: its TypeScript name a is also the name of A; rename one of them"},
		{"function named like an enum", []*model.Package{pkg("p", []*model.Named{{Name: "e", Type: tString, Enum: []*model.EnumValue{{Name: "eA", Value: `"a"`}}}}, act("e", nil, nil))},
			"package example.com/p: A: its TypeScript name e is also the name of the constants of type e; rename"},
		{"type name", []*model.Package{pkg("p", []*model.Named{{Name: "1st", Type: tString}})},
			`package example.com/p: type name "1st" is not an identifier`},
		{"undeclared type", []*model.Package{pkg("p", nil, act("a", nil, named("example.com/q", "Gone")))},
			"package example.com/p: action A: result: type example.com/q.Gone is not declared in the program"},
		{"unknown kind", []*model.Package{pkg("p", nil, act("a", nil, &model.Type{Kind: "complex"}))},
			`package example.com/p: action A: result: unknown kind "complex"`},
		{"missing type", []*model.Package{pkg("p", nil, act("a", []*model.Param{{Name: "x", TSName: "x"}}, nil))},
			"package example.com/p: action A: parameter x: missing type"},
		{"bad enum value", []*model.Package{pkg("p", []*model.Named{{Name: "E", Type: tString, Enum: []*model.EnumValue{{Name: "EA", Value: "nope"}}}})},
			"package example.com/p: type E: constant EA: value nope is not a JSON literal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := Generate(&model.Program{Packages: tt.pkgs}, "out")
			if err == nil {
				t.Fatalf("Generate succeeded, want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Generate error:\n%v\nwant it to contain:\n%s", err, tt.want)
			}
			if files != nil {
				t.Errorf("Generate returned %d files with its error", len(files))
			}
		})
	}
}

func TestPascal(t *testing.T) {
	for in, want := range map[string]string{"cart": "Cart", "shop_cart": "ShopCart", "école_v2": "ÉcoleV2", "a__b": "AB"} {
		if got := pascal(in); got != want {
			t.Errorf("pascal(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRuntimeCodes proves that runtime.ts as committed is what the
// generator writes, its ErrorCode type made from the Go runtime's codes: a
// code added in Go shows here, and the type-checked file is the one users
// get.
func TestRuntimeCodes(t *testing.T) {
	if got := runtimeModule(Options{}); got != runtimeSource {
		t.Errorf("runtime.ts's ErrorCode is not the Go runtime's codes; the generator writes:\n%s", got)
	}
	for _, c := range actions.Codes() {
		if !strings.Contains(runtimeSource, "  | \""+string(c)+"\"\n") {
			t.Errorf("runtime.ts has no code %q", c)
		}
	}
}
