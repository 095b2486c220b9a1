package model_test

import (
	"regexp"
	"testing"

	"github.com/actionsgo/actions/model"
)

const pkgPath = "example.com/shop"

var (
	tString = &model.Type{Kind: model.KindString}
	tInt    = &model.Type{Kind: model.KindInt, Bits: 64}
	tInt32  = &model.Type{Kind: model.KindInt, Bits: 32}
	tTime   = &model.Type{Kind: model.KindTime}
)

func named(name string, args ...*model.Type) *model.Type {
	return &model.Type{Kind: model.KindNamed, Pkg: pkgPath, Name: name, TypeArgs: args}
}

// program returns a program with one action, AddToCart(item Item) Cart, and
// the types it reaches; edit changes a copy before the fingerprint is taken.
func program(edit func(p *model.Program, a *model.Action)) (*model.Program, *model.Action) {
	item := &model.Named{Name: "Item", Doc: "Item is a line.", Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
		{Name: "sku", GoName: "SKU", Doc: "SKU names it.", Type: tString},
		{Name: "quantity", GoName: "Quantity", Type: tInt},
		{Name: "note", GoName: "Note", Optional: true, OmitEmpty: true, Type: tString},
	}}}
	cart := &model.Named{Name: "Cart", Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
		{Name: "items", GoName: "Items", Type: &model.Type{Kind: model.KindSlice, Elem: named("Item")}},
		{Name: "parent", GoName: "Parent", Type: &model.Type{Kind: model.KindPointer, Elem: named("Cart")}},
		{Name: "page", GoName: "Page", Type: named("Page", named("Item"))},
		{Name: "status", GoName: "Status", Type: named("Status")},
	}}}
	page := &model.Named{Name: "Page", TypeParams: []string{"T"}, Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
		{Name: "items", GoName: "Items", Type: &model.Type{Kind: model.KindSlice, Elem: &model.Type{Kind: model.KindTypeParam, Name: "T"}}},
		{Name: "at", GoName: "At", Type: tTime},
	}}}
	status := &model.Named{Name: "Status", Type: tString, Enum: []*model.EnumValue{
		{Name: "StatusNew", Value: `"new"`}, {Name: "StatusPaid", Value: `"paid"`},
	}}
	a := &model.Action{
		ID: "shop.AddToCart", Name: "AddToCart", TSName: "addToCart", Doc: "AddToCart adds.",
		Context: true, Error: true,
		Params: []*model.Param{{Name: "item", TSName: "item", Type: named("Item")}, {Name: "n", TSName: "n", Type: tInt}},
		Result: named("Cart"),
	}
	p := &model.Program{Packages: []*model.Package{{
		Path: pkgPath, Name: "shop", Key: "shop",
		Actions: []*model.Action{a},
		Types:   []*model.Named{cart, item, page, status},
	}}}
	if edit != nil {
		edit(p, a)
	}
	return p, a
}

func lookup(p *model.Program, name string) *model.Named { return p.Lookup(pkgPath, name) }

func TestFingerprint(t *testing.T) {
	base, a := program(nil)
	want := base.Fingerprint(a)
	if !regexp.MustCompile(`^[0-9a-f]{12}$`).MatchString(want) {
		t.Fatalf("Fingerprint = %q, want 12 hexadecimal digits", want)
	}
	t.Logf("shape: %s", base.WireShape(a))

	same := map[string]func(p *model.Program, a *model.Action){
		"doc comments": func(p *model.Program, a *model.Action) {
			a.Doc = "Another doc."
			lookup(p, "Item").Doc = "Changed."
			lookup(p, "Item").Type.Fields[0].Doc = "Changed too."
		},
		"parameter names": func(p *model.Program, a *model.Action) {
			a.Params[0].Name, a.Params[0].TSName = "line", "line"
		},
		"Go and TypeScript names of the action": func(p *model.Program, a *model.Action) {
			a.Name, a.TSName = "Add", "add"
		},
		"context and error": func(p *model.Program, a *model.Action) { a.Context, a.Error = false, false },
		"field order and Go names": func(p *model.Program, a *model.Action) {
			f := lookup(p, "Item").Type.Fields
			f[0], f[1] = f[1], f[0]
			f[0].GoName = "Count"
		},
		"omitzero for omitempty": func(p *model.Program, a *model.Action) {
			f := lookup(p, "Item").Type.Fields[2]
			f.OmitEmpty, f.OmitZero = false, true
		},
		"enum constant names and order": func(p *model.Program, a *model.Action) {
			e := lookup(p, "Status").Enum
			e[0], e[1] = e[1], e[0]
			e[0].Name = "Paid"
		},
		"a ts_type tag":      func(p *model.Program, a *model.Action) { lookup(p, "Item").Type.Fields[0].TSType = "`sku-${string}`" },
		"the cache duration": func(p *model.Program, a *model.Action) { a.CacheSeconds = 30 },
	}
	for name, edit := range same {
		p, a := program(edit)
		if got := p.Fingerprint(a); got != want {
			t.Errorf("%s: fingerprint changed from %s to %s:\n%s\n%s", name, want, got, base.WireShape(a), p.WireShape(a))
		}
	}

	differ := map[string]func(p *model.Program, a *model.Action){
		"a parameter's type":     func(p *model.Program, a *model.Action) { a.Params[1].Type = tString },
		"an integer's size":      func(p *model.Program, a *model.Action) { a.Params[1].Type = tInt32 },
		"the parameters' order":  func(p *model.Program, a *model.Action) { a.Params[0], a.Params[1] = a.Params[1], a.Params[0] },
		"one more parameter":     func(p *model.Program, a *model.Action) { a.Params = append(a.Params, a.Params[1]) },
		"no result":              func(p *model.Program, a *model.Action) { a.Result = nil },
		"a stream":               func(p *model.Program, a *model.Action) { a.Stream = model.StreamSeq },
		"a get action":           func(p *model.Program, a *model.Action) { a.Get = true },
		"a member's JSON name":   func(p *model.Program, a *model.Action) { lookup(p, "Item").Type.Fields[0].Name = "SKU" },
		"a member made optional": func(p *model.Program, a *model.Action) { lookup(p, "Item").Type.Fields[1].Optional = true },
		"a quoted number":        func(p *model.Program, a *model.Action) { lookup(p, "Item").Type.Fields[1].Quoted = true },
		"a type argument": func(p *model.Program, a *model.Action) {
			lookup(p, "Cart").Type.Fields[2].Type = named("Page", tString)
		},
		"a field of a generic type": func(p *model.Program, a *model.Action) {
			lookup(p, "Page").Type.Fields[1].Type = tString
		},
		"an enum value": func(p *model.Program, a *model.Action) {
			lookup(p, "Status").Enum = append(lookup(p, "Status").Enum, &model.EnumValue{Name: "StatusShipped", Value: `"shipped"`})
		},
		"a pointer": func(p *model.Program, a *model.Action) {
			a.Params[1].Type = &model.Type{Kind: model.KindPointer, Elem: tInt}
		},
		"a field of a type reached through recursion": func(p *model.Program, a *model.Action) {
			lookup(p, "Cart").Type.Fields[1].Type = &model.Type{Kind: model.KindPointer, Elem: named("Item")}
		},
	}
	for name, edit := range differ {
		p, a := program(edit)
		if got := p.Fingerprint(a); got == want {
			t.Errorf("%s: fingerprint %s did not change:\n%s", name, got, p.WireShape(a))
		}
	}

	// A type renamed everywhere keeps the shape: names do not travel.
	p, a := program(func(p *model.Program, a *model.Action) {
		lookup(p, "Item").Name = "Line"
		a.Params[0].Type = named("Line")
		lookup(p, "Cart").Type.Fields[0].Type.Elem = named("Line")
		lookup(p, "Cart").Type.Fields[2].Type = named("Page", named("Line"))
	})
	if got := p.Fingerprint(a); got != want {
		t.Errorf("a renamed type: fingerprint changed from %s to %s", want, got)
	}
}
