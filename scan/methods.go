package scan

import (
	"go/types"

	"github.com/actionsgo/actions/model"
)

// The methods encoding/json/v2 looks for, by name, with the signature each
// must have. They are matched by shape, so the scanner needs neither
// encoding/json nor encoding loaded.
const (
	mMarshalJSONTo     = "MarshalJSONTo"     // func(*jsontext.Encoder) error
	mMarshalJSON       = "MarshalJSON"       // func() ([]byte, error)
	mAppendText        = "AppendText"        // func([]byte) ([]byte, error)
	mMarshalText       = "MarshalText"       // func() ([]byte, error)
	mUnmarshalJSONFrom = "UnmarshalJSONFrom" // func(*jsontext.Decoder) error
	mUnmarshalJSON     = "UnmarshalJSON"     // func([]byte) error
	mUnmarshalText     = "UnmarshalText"     // func([]byte) error
	mIsZero            = "IsZero"            // func() bool
	mValidate          = "Validate"          // func() error
)

// codecMethods are the marshal and unmarshal methods of v2, in its order of
// precedence on each side.
var (
	marshalMethods   = []string{mMarshalJSONTo, mMarshalJSON, mAppendText, mMarshalText}
	unmarshalMethods = []string{mUnmarshalJSONFrom, mUnmarshalJSON, mUnmarshalText}
)

// methodShapes gives, for each method, its parameter and result types.
var methodShapes = map[string]struct{ params, results []func(types.Type) bool }{
	mMarshalJSONTo:     {[]func(types.Type) bool{isJSONText("Encoder")}, []func(types.Type) bool{isError}},
	mMarshalJSON:       {nil, []func(types.Type) bool{isByteSlice, isError}},
	mAppendText:        {[]func(types.Type) bool{isByteSlice}, []func(types.Type) bool{isByteSlice, isError}},
	mMarshalText:       {nil, []func(types.Type) bool{isByteSlice, isError}},
	mUnmarshalJSONFrom: {[]func(types.Type) bool{isJSONText("Decoder")}, []func(types.Type) bool{isError}},
	mUnmarshalJSON:     {[]func(types.Type) bool{isByteSlice}, []func(types.Type) bool{isError}},
	mUnmarshalText:     {[]func(types.Type) bool{isByteSlice}, []func(types.Type) bool{isError}},
	mIsZero:            {nil, []func(types.Type) bool{isBool}},
	mValidate:          {nil, []func(types.Type) bool{isError}},
}

// hasMethod reports whether t or *t has the method name with the shape v2
// requires, as v2 checks (its implements): a method with a pointer
// receiver counts, since v2 calls it on an addressable copy when the value
// itself is not addressable.
func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	shape := methodShapes[name]
	return sig.Params().Len() == len(shape.params) && sig.Results().Len() == len(shape.results) &&
		!sig.Variadic() && matchAll(sig.Params(), shape.params) && matchAll(sig.Results(), shape.results)
}

func matchAll(vars *types.Tuple, preds []func(types.Type) bool) bool {
	for i, p := range preds {
		if !p(vars.At(i).Type()) {
			return false
		}
	}
	return true
}

func isBool(t types.Type) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && b.Kind() == types.Bool
}

func isByteSlice(t types.Type) bool {
	s, ok := types.Unalias(t).(*types.Slice)
	if !ok {
		return false
	}
	b, ok := types.Unalias(s.Elem()).(*types.Basic)
	return ok && b.Kind() == types.Uint8
}

// isJSONText returns a test for *jsontext.<name>.
func isJSONText(name string) func(types.Type) bool {
	return func(t types.Type) bool {
		p, ok := types.Unalias(t).(*types.Pointer)
		if !ok {
			return false
		}
		n, ok := types.Unalias(p.Elem()).(*types.Named)
		return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "encoding/json/jsontext" && n.Obj().Name() == name
	}
}

// firstMethod returns the first of names that t has, or "".
func firstMethod(t types.Type, names []string) string {
	for _, name := range names {
		if hasMethod(t, name) {
			return name
		}
	}
	return ""
}

// hasCodecMethods reports whether t or *t has any marshal or unmarshal
// method of v2, as v2 checks an embedded struct, which must have none.
func hasCodecMethods(t types.Type) bool {
	return firstMethod(t, marshalMethods) != "" || firstMethod(t, unmarshalMethods) != ""
}

// marshalKind returns KindMarshaler or KindTextMarshaler when v2 encodes
// or decodes t with its own methods, and "" otherwise.
//
// v2 picks a method for each direction on its own, in its order of
// precedence: MarshalJSONTo, MarshalJSON, AppendText, MarshalText to
// encode; UnmarshalJSONFrom, UnmarshalJSON, UnmarshalText to decode. A
// JSON method on either side makes the value any JSON (KindMarshaler); a
// text method to encode makes it a string (KindTextMarshaler), unless it is
// decoded by a JSON method; a text method only to decode makes what is
// written differ from what is read, so the value is any JSON too.
//
// Methods of *t count as well as those of t: v2 calls them on an
// addressable copy wherever the value is not addressable (a map value, a
// result encoded by value), unlike encoding/json v1.
//
// A pointer type is never a marshaler here: the pointer is described as
// such and its element type carries the methods (v2 puts its methods on
// the element too). Nor is a type parameter.
func marshalKind(t types.Type) model.Kind {
	if _, ok := t.Underlying().(*types.Pointer); ok {
		return ""
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return ""
	}
	out, in := firstMethod(t, marshalMethods), firstMethod(t, unmarshalMethods)
	switch {
	case out == mMarshalJSONTo || out == mMarshalJSON || in == mUnmarshalJSONFrom || in == mUnmarshalJSON:
		return model.KindMarshaler
	case out != "":
		return model.KindTextMarshaler
	case in != "":
		return model.KindMarshaler
	}
	return ""
}

// hasValidate reports whether t has a Validate() error method, with a value
// or pointer receiver.
func hasValidate(t types.Type) bool {
	if types.IsInterface(t) {
		return false
	}
	return hasMethod(t, mValidate)
}

// hasIsZero reports whether v2 asks t's IsZero method whether a value is
// zero, for omitzero.
func hasIsZero(t types.Type) bool { return hasMethod(t, mIsZero) }
