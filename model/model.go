// Package model describes actions and the types they reach, the way the wire
// sees them: as JSON that encoding/json/v2 (Go 1.27) writes and reads with
// the runtime's options (its defaults, unknown members refused, and
// time.Duration as integer nanoseconds).
//
// The model sits between the scanner and the emitters: scan builds it from Go
// packages, emit/go and emit/ts render it. It holds no go/types values, so an
// emitter can be tested from a model written by hand, and every node keeps its
// source position so output and diagnostics can point back to the source.
//
// Everything in a Program is sorted when it is built (packages by import path,
// actions by source order, named types by name), so emitters iterate it as is
// and produce deterministic output.
package model

import (
	"cmp"
	"slices"
	"strings"
)

// Pos is a position in a Go source file. File is absolute; the command makes
// it relative to the working directory when it prints it.
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// Program is everything one run of the generator found.
type Program struct {
	// Packages holds every package that declares actions or named types
	// that actions reach, sorted by import path.
	Packages []*Package `json:"packages"`

	// Dirs lists the directory of every package the patterns matched,
	// sorted, with or without actions: the writer looks there for glue
	// whose package lost its last action.
	Dirs []string `json:"dirs,omitempty"`
}

// RuntimeKey is the name of the TypeScript client runtime's module
// (runtime.ts), which sits beside the modules of the packages: no Package
// has it as its Key, so a Go package named runtime gets a longer key.
const RuntimeKey = "runtime"

// Package is one Go package that has actions or declares types they use.
type Package struct {
	Path string `json:"path"` // import path, "example.com/shop/cart"
	Name string `json:"name"` // package name, "cart"
	Dir  string `json:"dir"`  // absolute directory; actions_gen.go goes here
	// Key names the package on the wire and in TypeScript: the package name,
	// made longer by the import path where two packages of the run share a
	// name ("cart", or "shop_cart" beside "admin_cart"). Action IDs start
	// with it and the TypeScript module is Key + ".ts". Keys are unique in
	// a Program even ignoring case (module file names must not clash on a
	// case-insensitive file system), and none is RuntimeKey.
	Key     string    `json:"key"`
	Actions []*Action `json:"actions,omitempty"` // in source order
	Types   []*Named  `json:"types,omitempty"`   // sorted by name

	// GoImports names, for the Go glue of a package with actions, every
	// package it may import, sorted by path: those its GoTypes name, those
	// of the closed enums its parameters reach (for their constants), and
	// the runtime, context, iter and time, which the glue uses itself.
	// The names clash with nothing the package declares.
	GoImports []*GoImport `json:"goImports,omitempty"`
}

// GoImport is a package the Go glue imports, and the name it gives it.
type GoImport struct {
	Path  string `json:"path"`
	Name  string `json:"name"`
	Alias bool   `json:"alias,omitempty"` // Name is not the package's own name: the import says it
}

// GoType is a type as the Go glue of a package writes it: the scanner
// spells it from go/types, so the glue writes it as it is, and names the
// same type as the function it calls.
type GoType struct {
	// Expr is the type expression, "map[string]geo.Point", with other
	// packages named as the package's GoImports name them.
	Expr string `json:"expr"`
	// Imports are the import paths of the packages Expr names, sorted.
	Imports []string `json:"imports,omitempty"`
}

// GoImport returns the import of the package at path in the glue of p,
// or nil.
func (p *Package) GoImport(path string) *GoImport {
	for _, imp := range p.GoImports {
		if imp.Path == path {
			return imp
		}
	}
	return nil
}

// Action is one function or method marked //actions:server.
type Action struct {
	ID     string `json:"id"`     // "cart.AddToCart": Package.Key + "." + Name, or Key.Type.Name for a method
	Name   string `json:"name"`   // Go name, "AddToCart"
	TSName string `json:"tsName"` // TypeScript export, "addToCart", or the name= option
	Doc    string `json:"doc,omitempty"`
	Pos    Pos    `json:"pos"`
	// Receiver is the service type of a method action: the method is
	// called on the value given to the glue's <Type>Actions. Nil for a
	// function.
	Receiver *Receiver `json:"receiver,omitempty"`
	Context  bool      `json:"context,omitempty"` // first parameter is a context.Context
	Params   []*Param  `json:"params,omitempty"`  // without the context
	// Result is the type of the value returned, nil when there is none;
	// for a stream, the type of each item. ResultGoType spells it in Go.
	Result       *Type   `json:"result,omitempty"`
	ResultGoType *GoType `json:"resultGoType,omitempty"`
	Error        bool    `json:"error,omitempty"` // last result is an error
	// Stream says how a stream's items come: StreamSeq for iter.Seq[T],
	// StreamSeq2 for iter.Seq2[T, error]; "" for an ordinary result.
	Stream StreamKind `json:"stream,omitempty"`
	// Get marks a read (the get option): also served by GET, cached for
	// CacheSeconds (0: no-cache).
	Get          bool  `json:"get,omitempty"`
	CacheSeconds int64 `json:"cacheSeconds,omitempty"`
	// Files marks an action whose parameters hold files (KindFile): it
	// also takes multipart/form-data.
	Files bool `json:"files,omitempty"`
	// Form, for an action with the form option, lists the fields of its one
	// struct parameter as a form sends them.
	Form []*FormField `json:"form,omitempty"`
}

// FormField is one member of a form action's struct parameter, as an HTML
// form fills it: the input of the same name.
type FormField struct {
	Name     string   `json:"name"` // the JSON member name, and the input's
	Kind     FormKind `json:"kind"`
	Bits     int      `json:"bits,omitempty"`     // of an int, uint or float
	Enum     []string `json:"enum,omitempty"`     // the allowed values of an enum, as text
	Multiple bool     `json:"multiple,omitempty"` // a slice: every value of the name
	Optional bool     `json:"optional,omitempty"` // a pointer, omitempty or omitzero: may be absent
	Pos      Pos      `json:"pos"`
}

// FormKind is how the text of a form field becomes its value.
type FormKind string

// The kinds of form fields.
const (
	FormString FormKind = "string"
	FormBool   FormKind = "bool"
	FormInt    FormKind = "int"
	FormUint   FormKind = "uint"
	FormFloat  FormKind = "float"
	FormTime   FormKind = "time"
	FormFile   FormKind = "file"
)

// Receiver is the service type that a method action belongs to.
type Receiver struct {
	Type    string `json:"type"`              // the named type, "Store"
	Pointer bool   `json:"pointer,omitempty"` // the method has a pointer receiver
}

// StreamKind is how a stream action's function returns its items.
type StreamKind string

const (
	StreamSeq  StreamKind = "seq"  // iter.Seq[T]
	StreamSeq2 StreamKind = "seq2" // iter.Seq2[T, error]
)

// Param is one parameter of an action, as sent by the client.
type Param struct {
	Name   string  `json:"name"`   // Go name, "item"; "arg0"… when unnamed or "_"
	TSName string  `json:"tsName"` // TypeScript name: Name, renamed if it is a reserved word
	Type   *Type   `json:"type"`
	GoType *GoType `json:"goType"` // the Go spelling of the type
}

// Kind says how a type travels as JSON.
type Kind string

// The kinds of Type. The comment after each says what the JSON looks like.
// Nothing but a pointer, an interface or a type with its own methods is
// ever written as null: v2 writes a nil slice as [], a nil map as {} and a
// nil []byte as "".
const (
	KindBool   Kind = "bool"   // true or false
	KindInt    Kind = "int"    // a number, of Bits bits, Unsigned or not
	KindFloat  Kind = "float"  // a number
	KindString Kind = "string" // a string

	KindBytes         Kind = "bytes"         // a slice of an unnamed byte type: a base64 string, "" when nil
	KindTime          Kind = "time"          // time.Time: an RFC 3339 string (RFC 3339 with nanoseconds, as v2 writes it)
	KindDuration      Kind = "duration"      // time.Duration: an integer number of nanoseconds, by the runtime's options
	KindRawMessage    Kind = "rawMessage"    // jsontext.Value (json.RawMessage is an alias): any JSON value
	KindAny           Kind = "any"           // an empty interface: any JSON value
	KindMarshaler     Kind = "marshaler"     // has JSON marshal or unmarshal methods: any JSON value
	KindTextMarshaler Kind = "textMarshaler" // has MarshalText or AppendText (and no JSON methods): a string
	KindFile          Kind = "file"          // actions.File: a part of its own of a multipart call, or a download

	KindPointer Kind = "pointer" // Elem, or null
	KindSlice   Kind = "slice"   // an array of Elem, [] when nil
	KindArray   Kind = "array"   // an array of exactly Len Elem, or a base64 string when Base64
	KindMap     Kind = "map"     // an object with Key keys and Elem values, {} when nil
	KindStruct  Kind = "struct"  // an object with Fields: an anonymous struct written inline

	KindNamed     Kind = "named"     // a reference to a named type declared in a Package
	KindTypeParam Kind = "typeParam" // a type parameter of the enclosing generic type, by Name
)

// Type is the wire view of a Go type. The Go glue does not spell types from
// it: parameters and results carry their Go spelling (GoType).
type Type struct {
	Kind Kind `json:"kind"`

	// Bits is the size of an Int or Float (8, 16, 32, 64); Unsigned marks
	// unsigned integers. Together they tell which values are exact in a
	// JavaScript number.
	Bits     int  `json:"bits,omitempty"`
	Unsigned bool `json:"unsigned,omitempty"`

	// Elem is the element of a Pointer, Slice, Array or Map. Bytes has
	// none: a slice of a defined byte type ([]MyByte) is a Slice, an array
	// of numbers in v2.
	Elem *Type `json:"elem,omitempty"`
	Len  int64 `json:"len,omitempty"` // Array
	// Base64 marks an Array of an unnamed byte type ([16]byte): v2 writes
	// it as a base64 string, as it writes a []byte, not as an array of
	// numbers. Elem and Len still describe it.
	Base64 bool `json:"base64,omitempty"`
	// Key is the key of a Map: a String, Int or Float kind (numbers travel
	// as their decimal strings), a Time, a Base64 Array, a Marshaler or
	// TextMarshaler, or a Named type of one of these.
	Key *Type `json:"key,omitempty"`

	Fields []*Field `json:"fields,omitempty"` // Struct

	// Fallback is the embedded fallback of a Struct: a field of type
	// map[~string]T or jsontext.Value with the embed option (or promoted
	// from an embedded struct), which holds every member that Fields do
	// not name, both ways: v2 writes its entries as members of the object,
	// and reads unknown members into it rather than refusing them. Its
	// Name is empty and its Type is the type of those members' values: T,
	// or RawMessage for a jsontext.Value.
	Fallback *Field `json:"fallback,omitempty"`

	// KindNamed and KindTypeParam. Pkg is the import path of the declaring
	// package and Name the type's name; TypeArgs instantiate a generic type.
	// A KindNamed reference always has its declaration in Program (see
	// Program.Lookup). Types of the standard library are never declared
	// there: time.Time, time.Duration and json.RawMessage have kinds of their
	// own, any other standard library type that marshals itself (such as
	// netip.Addr) is written inline as KindMarshaler or KindTextMarshaler,
	// and any other as its underlying type (time.Month as KindInt,
	// http.Header as KindMap).
	Pkg      string  `json:"pkg,omitempty"`
	Name     string  `json:"name,omitempty"`
	TypeArgs []*Type `json:"typeArgs,omitempty"`

	// TSType is the TypeScript type of the JSON that a Marshaler's or
	// TextMarshaler's methods write ("number | string"), as a
	// //actions:ts directive on the type's declaration or the -ts-type
	// flag gives it, or "" when nothing does (unknown, or string). It is
	// trusted as written: nothing checks it against the methods.
	TSType string `json:"tsType,omitempty"`
}

// Field is one JSON member of a struct, after encoding/json/v2's rules for
// tags and embedding have been applied: promoted fields (of Go-embedded
// structs without a JSON name, and of fields with the embed option) appear
// here directly, fields hidden by a conflict or by json:"-" do not.
type Field struct {
	Name   string `json:"name"`   // JSON member name
	GoName string `json:"goName"` // Go selector path, "Base.ID" for a promoted field
	Doc    string `json:"doc,omitempty"`
	Pos    Pos    `json:"pos"`
	Type   *Type  `json:"type"`

	// Optional marks a member the encoder may leave out: omitempty on a
	// type that can encode as null, "", [] or {} (a string, slice, map,
	// pointer, interface, [0]T, a type with its own marshal methods, or a
	// struct whose members may all be left out; never a number, a bool,
	// time.Time or time.Duration), omitzero (the zero Go value, or what
	// the type's IsZero method says), or a field promoted through an
	// embedded pointer that may be nil.
	Optional  bool `json:"optional,omitempty"`
	OmitEmpty bool `json:"omitEmpty,omitempty"`
	OmitZero  bool `json:"omitZero,omitempty"`
	// Quoted is the string option on a field of an integer or float kind
	// (behind pointers or not): the number travels inside a JSON string,
	// "12", and a nil pointer as null. v2 refuses the option on other
	// kinds, so the scanner reports it there; a type that marshals itself
	// ignores it.
	Quoted bool `json:"quoted,omitempty"`
	// Case is the field's case option, "ignore" or "strict", or "". Names
	// are written exactly either way; with "ignore", v2 also reads the
	// member under any name equal to Name ignoring case, '-' and '_'
	// ("userName" for "user_name"). The runtime's options match names
	// exactly otherwise.
	Case string `json:"case,omitempty"`
	// TSType overrides the field's TypeScript type, from a ts_type or
	// tstype struct tag.
	TSType string `json:"tsType,omitempty"`
}

// Named is a named type declared in a package and reached by an action.
type Named struct {
	Name       string   `json:"name"`
	Doc        string   `json:"doc,omitempty"`
	Pos        Pos      `json:"pos"`
	TypeParams []string `json:"typeParams,omitempty"` // in order: "T", "K"

	// Type is the wire shape of the type: a Struct, a basic kind for an
	// enum or a defined scalar, Marshaler or TextMarshaler when the type
	// has those methods (with a value or pointer receiver: v2 calls either
	// on every value), or any other kind for types like []Item.
	Type *Type `json:"type"`

	// Enum lists the named constants of this type declared in its package,
	// in source order. Empty unless the type is a defined bool, number or
	// string with constants. A string constant that is not valid UTF-8 is
	// left out: v2 refuses to write it.
	Enum []*EnumValue `json:"enum,omitempty"`

	// Open marks an enum whose values are not only its constants: a Go
	// string or number type holds any value of its kind, and a type of
	// another module (a Kubernetes NodeConditionType) gets values its
	// constants do not list. TypeScript takes any value of the kind beside
	// the constants, and the runtime checks nothing. A closed enum is one
	// the run's modules declare: the runtime refuses in an argument a value
	// that is neither a constant nor the zero value, and TypeScript admits
	// the zero value only where Go may send it. The //actions:enum
	// directive on the type says otherwise (open or closed).
	Open bool `json:"open,omitempty"`

	// Validate marks a type with a Validate() error method (value or
	// pointer receiver); the runtime calls it before the action.
	Validate bool `json:"validate,omitempty"`
}

// EnumValue is one constant of an enum.
type EnumValue struct {
	Name  string `json:"name"`  // Go name, "StatusPaid"
	Value string `json:"value"` // JSON literal as v2 writes it, `"paid"` or `2`
	Doc   string `json:"doc,omitempty"`
}

// Lookup returns the named type called name declared in the package with
// import path pkg, or nil.
func (p *Program) Lookup(pkg, name string) *Named {
	for _, pk := range p.Packages {
		if pk.Path != pkg {
			continue
		}
		for _, n := range pk.Types {
			if n.Name == name {
				return n
			}
		}
	}
	return nil
}

// Package returns the package with the given import path, or nil.
func (p *Program) Package(path string) *Package {
	for _, pk := range p.Packages {
		if pk.Path == path {
			return pk
		}
	}
	return nil
}

// EnumRef is an enum declared in the package at import path Pkg.
type EnumRef struct {
	Pkg   string
	Named *Named
}

// Checked reports whether the runtime checks the values of the enum n in
// arguments: a closed enum, unless its constants and its zero value are
// every value of its kind (a bool enum with a true constant).
func (n *Named) Checked() bool {
	if len(n.Enum) == 0 || n.Open {
		return false
	}
	if n.Type.Kind != KindBool {
		return true
	}
	for _, v := range n.Enum {
		if v.Value == "true" {
			return false
		}
	}
	return true
}

// ClosedEnums returns the enums whose values the runtime checks (Checked)
// that a value of type t holds where the codec decodes it by default,
// sorted by package and name: through pointers, elements, map keys and
// values, struct members, type arguments and the declarations of named
// types. A type that decodes itself is left alone, as are the fields of a
// struct that do not travel.
func (p *Program) ClosedEnums(t *Type) []EnumRef {
	var out []EnumRef
	seen := map[string]bool{}
	var visit func(t *Type)
	visit = func(t *Type) {
		if t == nil {
			return
		}
		if t.Kind == KindNamed {
			key := t.Pkg + "." + t.Name
			if n := p.Lookup(t.Pkg, t.Name); n != nil && !seen[key] {
				seen[key] = true
				if n.Checked() {
					out = append(out, EnumRef{t.Pkg, n})
				}
				visit(n.Type)
			}
		}
		visit(t.Elem)
		visit(t.Key)
		for _, f := range t.Fields {
			visit(f.Type)
		}
		if t.Fallback != nil {
			visit(t.Fallback.Type)
		}
		for _, a := range t.TypeArgs {
			visit(a)
		}
	}
	visit(t)
	slices.SortFunc(out, func(a, b EnumRef) int {
		return cmp.Or(strings.Compare(a.Pkg, b.Pkg), strings.Compare(a.Named.Name, b.Named.Name))
	})
	return out
}
