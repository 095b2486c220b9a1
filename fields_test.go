package actions_test

import (
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"
	"unsafe"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/testdata/types"
)

// Corner cases of encoding/json's field rules beyond the shared corpus.
type (
	conflictA struct {
		X string `json:"x"`
		Y string
	}
	conflictB struct {
		X string
		Y string
	}
	conflicts struct {
		conflictA
		conflictB
		Z string `json:"y"` // same name as nothing: Y is the Go name
	}
	recursive struct {
		Name     string       `json:"name"`
		Children []*recursive `json:"children"`
		ByName   map[string]recursive
	}
	selfList []selfList
	textKey  struct {
		Inner struct {
			A int `json:"a"`
		} `json:"inner"`
	}
	withUnmarshaler struct {
		Raw   json.RawMessage `json:"raw"`
		Items []types.Item    `json:"items"`
	}
	pointerEmbed struct {
		*types.Item
		Note string `json:"note"`
	}
)

// fieldCases are the struct types whose field names are compared with what
// encoding/json writes.
var fieldCases = []any{
	types.Item{}, types.Containers{}, types.Special{}, types.Anonymous{},
	types.Category{}, types.Node{}, types.Tagged{}, types.Embedding{},
	types.Page[types.Item]{}, types.Pair[string, types.Item]{}, types.Tree[int]{},
	types.Generics{}, types.SignUp{}, types.Range{}, types.Scalars{},
	conflicts{}, recursive{}, textKey{}, withUnmarshaler{}, pointerEmbed{},
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// fill sets every field that encoding/json sees to a non-zero value, so
// that omitempty leaves nothing out, down to a few levels of nesting.
func fill(v reflect.Value, depth int) {
	t := v.Type()
	if t == reflect.TypeFor[time.Time]() {
		v.Set(reflect.ValueOf(time.Unix(1, 0).UTC()))
		return
	}
	if depth > 3 || t.Implements(marshalerType) || t.Implements(textMarshalerType) ||
		reflect.PointerTo(t).Implements(marshalerType) || reflect.PointerTo(t).Implements(textMarshalerType) {
		return
	}
	switch t.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.String:
		v.SetString("s")
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(t, 1, 1)
		fill(s.Index(0), depth+1)
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), depth+1)
		}
	case reflect.Map:
		m := reflect.MakeMap(t)
		k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		fill(k, depth+1)
		fill(e, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Field(i)
			if !f.CanSet() { // unexported, yet encoding/json may see into it
				f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
			}
			fill(f, depth+1)
		}
	case reflect.Interface:
		if t.NumMethod() == 0 {
			v.Set(reflect.ValueOf("any"))
		}
	}
}

// TestJSONFieldsMatchEncoder proves that the exact names are the keys
// encoding/json writes for a struct, no more and no fewer, and that a
// written value passes the key check at every depth.
func TestJSONFieldsMatchEncoder(t *testing.T) {
	for _, c := range fieldCases {
		typ := reflect.TypeOf(c)
		t.Run(typ.String(), func(t *testing.T) {
			v := reflect.New(typ).Elem()
			fill(v, 0)
			data, err := json.Marshal(v.Interface())
			if err != nil {
				t.Fatal(err)
			}
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(data, &obj); err != nil {
				t.Fatal(err)
			}
			var written, ours []string
			for k := range obj {
				written = append(written, k)
			}
			for _, name := range actions.FieldNames(typ) {
				if name != "omitEmptyArray" { // a [0]int is always empty
					ours = append(ours, name)
				}
			}
			slices.Sort(written)
			slices.Sort(ours)
			if !slices.Equal(written, ours) {
				t.Errorf("names\n%q\nencoding/json writes\n%q", ours, written)
			}
			if err := actions.CheckKeys(data, typ); err != nil {
				t.Errorf("%s: %v", data, err)
			}
		})
	}
}

// TestRoundTrip decodes through Args what encoding/json wrote, and proves
// that it encodes to the same bytes again.
func TestRoundTrip(t *testing.T) {
	for _, c := range fieldCases {
		typ := reflect.TypeOf(c)
		t.Run(typ.String(), func(t *testing.T) {
			v := reflect.New(typ)
			fill(v.Elem(), 0)
			data, err := json.Marshal(v.Interface())
			if err != nil {
				t.Fatal(err)
			}
			body := append(append([]byte("[ "), data...), ']')
			got := reflect.New(typ)
			if err := actions.DecodeBody(body, got.Interface()); err != nil {
				t.Fatalf("%s: %v", data, err)
			}
			again, err := json.Marshal(got.Interface())
			if err != nil {
				t.Fatal(err)
			}
			if string(again) != string(data) {
				t.Errorf("decoded and encoded again\n%s\nwant\n%s", again, data)
			}
		})
	}
}

func TestCheckKeys(t *testing.T) {
	tests := []struct {
		typ  any
		json string
		err  string // "" for none
	}{
		{types.Item{}, `{"sku":"a","quantity":1}`, ``},
		{types.Item{}, `{"Sku":"a"}`, `unknown field "Sku": field names are case-sensitive, did you mean "sku"?`},
		{types.Item{}, `{"SKU":"a"}`, `unknown field "SKU": field names are case-sensitive, did you mean "sku"?`},
		{types.Item{}, `{"\u0053ku":"a"}`, `unknown field "Sku": field names are case-sensitive, did you mean "sku"?`},
		{types.Item{}, `{"color":"red"}`, `unknown field "color"`},
		{[]types.Item{}, `[{"sku":"a"},{"Quantity":1}]`, `unknown field "Quantity" in [1]: field names are case-sensitive, did you mean "quantity"?`},
		{types.Containers{}, `{"slice":[{"sku":"a"},{"x":1}]}`, `unknown field "x" in slice[1]`},
		{types.Containers{}, `{"strings":{"ANY":1,"any":2}}`, ``},
		{types.Containers{}, `{"ints":{"1":{"SKU":"a"}}}`, `unknown field "SKU" in ints.1: field names are case-sensitive, did you mean "sku"?`},
		{types.Containers{}, `{"Pointer":null}`, `unknown field "Pointer": field names are case-sensitive, did you mean "pointer"?`},
		{types.Special{}, `{"raw":{"ANY":1},"any":{"X":[1]},"money":1}`, `unknown field "money"`},
		{types.Embedding{}, `{"id":"a","region":"r","level":"l","hidden":"h","Code":"c","extra":{"info":"i"}}`, ``},
		{types.Embedding{}, `{"Note":"n"}`, `unknown field "Note"`},
		{types.Embedding{}, `{"extra":{"Info":"i"}}`, `unknown field "Info" in extra: field names are case-sensitive, did you mean "info"?`},
		{types.Tagged{}, `{"-":"d","Untagged":"u","NoName":"n","Invalid":"i"}`, ``},
		{types.Tagged{}, `{"Skipped":"s"}`, `unknown field "Skipped"`},
		{types.Tagged{}, `{"secret":"s"}`, `unknown field "secret"`},
		{recursive{}, `{"children":[{"children":[{"Name":"x"}]}]}`, `unknown field "Name" in children[0].children[0]: field names are case-sensitive, did you mean "name"?`},
		{recursive{}, `{"ByName":{"k":{"byName":{}}}}`, `unknown field "byName" in ByName.k: field names are case-sensitive, did you mean "ByName"?`},
		{selfList{}, `[[[],[]]]`, ``},
		{textKey{}, `{"inner":{"A":1}}`, `unknown field "A" in inner: field names are case-sensitive, did you mean "a"?`},
		{pointerEmbed{}, `{"sku":"a","note":"n","Note":"x"}`, `unknown field "Note": field names are case-sensitive, did you mean "note"?`},
		{types.Item{}, `[1,2]`, ``}, // a type error, for encoding/json to report
	}
	for _, tc := range tests {
		typ := reflect.TypeOf(tc.typ)
		err := actions.CheckKeys([]byte(tc.json), typ)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err {
			t.Errorf("%s as %v:\ngot  %s\nwant %s", tc.json, typ, got, tc.err)
		}
	}
}

// TestNoSchema proves that types with nothing to check cost no walk.
func TestNoSchema(t *testing.T) {
	for _, v := range []any{0, "", []byte(nil), []int(nil), map[string]any(nil), types.Money{}, types.Color{}, json.RawMessage(nil), new(any), selfList(nil)} {
		typ := reflect.TypeOf(v)
		if actions.HasSchema(typ) && typ != reflect.TypeFor[selfList]() {
			t.Errorf("%v has a schema", typ)
		}
	}
}
