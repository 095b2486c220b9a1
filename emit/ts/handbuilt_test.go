package tsemit

import "github.com/actionsgo/actions/model"

// Hand-built models: they test the emitter alone, including cases the
// scanner cannot produce from one corpus (name collisions across modules).

// basic is a type of a basic kind; the Go name says which, for the reader.
func basic(kind model.Kind, _ string) *model.Type {
	return &model.Type{Kind: kind}
}

func named(pkg, name string, args ...*model.Type) *model.Type {
	return &model.Type{Kind: model.KindNamed, Pkg: pkg, Name: name, TypeArgs: args}
}

func field(name string, t *model.Type) *model.Field {
	return &model.Field{Name: name, GoName: name, Type: t}
}

var (
	tString = basic(model.KindString, "string")
	tInt    = basic(model.KindInt, "int")
	tBool   = basic(model.KindBool, "bool")
)

// shopProgram is a small shop: a cart package with actions and a catalog
// package whose types the cart uses, and an admin package that declares an
// Item of its own and uses both Items.
func shopProgram() *model.Program {
	const (
		cart    = "example.com/shop/cart"
		catalog = "example.com/shop/catalog"
		admin   = "example.com/shop/admin"
	)
	return &model.Program{Packages: []*model.Package{
		{
			Path: admin, Name: "admin", Key: "admin",
			Types: []*model.Named{{
				Name: "Item",
				Doc:  "Item is what an administrator edits.",
				Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
					field("listed", named(catalog, "Item")),
					field("note", tString),
				}},
			}},
			Actions: []*model.Action{{
				ID: "admin.Edit", Name: "Edit", TSName: "edit",
				Doc:    "Edit changes an item.\n",
				Params: []*model.Param{{Name: "item", TSName: "item", Type: named(admin, "Item")}},
				Result: named(catalog, "Item"),
				Error:  true,
			}, {
				ID: "admin.Call", Name: "Call", TSName: "call",
				Doc:    "Call has the name of the runtime's function, and a parameter named opts.\n",
				Params: []*model.Param{{Name: "opts", TSName: "opts", Type: tString}},
			}},
		},
		{
			Path: cart, Name: "cart", Key: "cart",
			Types: []*model.Named{{
				Name: "Cart",
				Doc:  "Cart holds what a customer is about to buy.\n\nA cart is never shared:\n\n\tcart := cart.New()\n\n\tcart.Add(item)\n\nIt has:\n  - items;\n  - a status.\n\nIt ends with */ on purpose.\n",
				Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
					{Name: "id", GoName: "ID", Type: tString, Doc: "ID identifies the cart.\n"},
					field("items", &model.Type{Kind: model.KindSlice, Elem: named(catalog, "Item")}),
					field("byStatus", &model.Type{Kind: model.KindMap, Key: named(cart, "Status"), Elem: tInt}),
					field("byLevel", &model.Type{Kind: model.KindMap, Key: named(cart, "Level"), Elem: tString}),
					field("counts", &model.Type{Kind: model.KindMap, Key: basic(model.KindInt, "int64"), Elem: tInt}),
					{Name: "coupon", GoName: "Coupon", Type: &model.Type{Kind: model.KindPointer, Elem: &model.Type{Kind: model.KindPointer, Elem: tString}}, Optional: true, OmitEmpty: true},
					{Name: "total", GoName: "Total", Type: basic(model.KindInt, "int64"), Quoted: true},
					{Name: "weight", GoName: "Weight", Type: &model.Type{Kind: model.KindPointer, Elem: tInt}, Quoted: true},
					{Name: "-", GoName: "Dash", Type: tBool},
					{Name: "a b", GoName: "Spaced", Type: tBool},
					{Name: "created", GoName: "Created", Type: basic(model.KindTime, "time.Time"), TSType: "Date"},
					field("box", &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
						field("w", tInt),
						field("tags", &model.Type{Kind: model.KindSlice, Elem: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{field("k", tString)}}}),
					}}),
					field("empty", &model.Type{Kind: model.KindStruct}),
					field("grid", &model.Type{Kind: model.KindArray, Len: 2, Elem: &model.Type{Kind: model.KindPointer, Elem: tInt}}),
				}},
			}, {
				Name: "Level", Doc: "Level is an integer enum.\n",
				Type: basic(model.KindInt, "int"),
				Enum: []*model.EnumValue{{Name: "LevelLow", Value: "0"}, {Name: "LevelHigh", Value: "1"}, {Name: "LevelMax", Value: "1", Doc: "LevelMax is LevelHigh.\n"}},
			}, {
				Name: "Page", TypeParams: []string{"T"},
				Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
					field("items", &model.Type{Kind: model.KindSlice, Elem: &model.Type{Kind: model.KindTypeParam, Name: "T"}}),
				}},
			}, {
				Name: "Status", Doc: "Status is a string enum.\n",
				Type: tString,
				Enum: []*model.EnumValue{
					{Name: "StatusOpen", Value: `"open"`, Doc: "StatusOpen takes items.\n"},
					{Name: "StatusClosed", Value: `"closed"`},
					{Name: "StatusHTML", Value: `"\u003cb\u003e"`},
				},
			}, {
				Name: "Odd", Doc: "Odd has constants that do not start with its name.\n",
				Type: tString,
				Enum: []*model.EnumValue{{Name: "OddOne", Value: `"1"`}, {Name: "Other", Value: `"2"`}},
			}},
			Actions: []*model.Action{{
				ID: "cart.Add", Name: "Add", TSName: "add",
				Doc:     "Add puts an item in the [Cart] and returns it; [Missing] and [x] stay.\n\n\tadd([Cart])\n",
				Context: true,
				Params: []*model.Param{
					{Name: "id", TSName: "id", Type: tString},
					{Name: "item", TSName: "item", Type: named(catalog, "Item")},
				},
				Result: named(cart, "Cart"),
				Error:  true,
			}, {
				ID: "cart.Clear", Name: "Clear", TSName: "clear",
			}, {
				ID: "cart.List", Name: "List", TSName: "list",
				Result: named(cart, "Page", &model.Type{Kind: model.KindPointer, Elem: named(admin, "Item")}),
			}},
		},
		{
			Path: catalog, Name: "catalog", Key: "catalog",
			Types: []*model.Named{{
				Name: "Item", Doc: "Item is for sale.\n",
				Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
					field("sku", tString),
					field("photo", basic(model.KindBytes, "[]byte")),
				}},
			}},
		},
	}}
}

// globalsProgram declares types named like the global types the output
// uses (Record, Partial, Promise), and uses them from another package.
func globalsProgram() *model.Program {
	const (
		store = "example.com/store"
		user  = "example.com/user"
	)
	return &model.Program{Packages: []*model.Package{
		{
			Path: store, Name: "store", Key: "store",
			Types: []*model.Named{{
				Name: "Partial", Doc: "Partial is an enum.\n", Type: tString,
				Enum: []*model.EnumValue{{Name: "PartialYes", Value: `"yes"`}, {Name: "PartialNo", Value: `"no"`}},
			}, {
				Name: "Promise", Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{field("due", tString)}},
			}, {
				Name: "Record", Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
					field("byPartial", &model.Type{Kind: model.KindMap, Key: named(store, "Partial"), Elem: tInt}),
					field("tags", &model.Type{Kind: model.KindMap, Key: tString, Elem: tString}),
					field("empty", &model.Type{Kind: model.KindStruct}),
				}},
			}},
			Actions: []*model.Action{{
				ID: "store.Get", Name: "Get", TSName: "get",
				Params: []*model.Param{{Name: "p", TSName: "p", Type: named(store, "Promise")}},
				Result: named(store, "Record"),
			}},
		},
		{
			Path: user, Name: "user", Key: "user",
			Types: []*model.Named{{
				Name: "Profile", Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
					field("record", named(store, "Record")),
					field("promises", &model.Type{Kind: model.KindMap, Key: tString, Elem: named(store, "Promise")}),
				}},
			}},
			Actions: []*model.Action{{
				ID: "user.Load", Name: "Load", TSName: "load",
				Result: named(store, "Promise"),
			}},
		},
	}}
}
