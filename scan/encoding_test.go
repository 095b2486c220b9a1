package scan

import (
	"encoding/json/jsontext"
	"encoding/json/v2"
	"go/constant"
	gotypes "go/types"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/internal/testkit"

	"github.com/actionsgo/actions/model"
	"github.com/actionsgo/actions/testdata/types"
	"github.com/actionsgo/actions/testdata/types/geo"
)

// corpusValues maps the struct types of testdata/types to a value of each,
// so the model can be checked against what the codec really writes.
var corpusValues = map[string]any{
	"Scalars":    types.Scalars{},
	"Item":       types.Item{},
	"Containers": types.Containers{},
	"Special":    types.Special{},
	"Anonymous":  types.Anonymous{},
	"Category":   types.Category{},
	"Node":       types.Node{},
	"Edge":       types.Edge{},
	"Tagged":     types.Tagged{},
	"Sparse":     types.Sparse{},
	"Window":     types.Window{},
	"Span":       types.Span{},
	"Open":       types.Open{},
	"Opener":     types.Opener{},
	"Loose":      types.Loose{},
	"Embedding":  types.Embedding{},
	"Extra":      types.Extra{},
	"Marshalers": types.Marshalers{},
	"Generics":   types.Generics{},
	"SignUp":     types.SignUp{},
	"Range":      types.Range{},
	"Point":      geo.Point{},
}

// fallbackKey is the key fill puts in every map and jsontext.Value, so an
// embedded fallback writes it as a member.
const fallbackKey = "x"

// TestFieldsMatchCodec encodes a zero and a fully populated value of every
// struct type of the corpus with encoding/json/v2 and the runtime's options
// (actions.JSONOptions), and checks the model against what it writes:
//
//   - the model's members are exactly the keys written for the full value
//     (plus the fallback's key where the struct has an embedded fallback),
//     but for a member omitempty always leaves out ([0]T, struct{});
//   - its optional members are exactly the keys left out of the zero value;
//   - every member written, in either value, is JSON of a kind the model's
//     type allows: never null unless the type is a pointer, an interface or
//     a type that writes itself, a string for a quoted number, []byte and
//     [N]byte, an array for a slice, an object for a map.
func TestFieldsMatchCodec(t *testing.T) {
	root := testkit.RepoRoot(t)
	prog := loadClean(t, root, "./testdata/types")
	checked := 0
	for _, p := range prog.Packages {
		for _, n := range p.Types {
			if n.Type.Kind != model.KindStruct || len(n.TypeParams) > 0 {
				continue
			}
			v, ok := corpusValues[n.Name]
			if !ok {
				t.Errorf("%s: no value to compare with: add one to corpusValues", n.Name)
				continue
			}
			checked++
			var all, written, optional []string
			for _, f := range n.Type.Fields {
				all = append(all, f.Name)
				if !alwaysEmpty(prog, f) {
					written = append(written, f.Name)
				}
				if f.Optional {
					optional = append(optional, f.Name)
				}
			}
			if n.Type.Fallback != nil {
				written = append(written, fallbackKey)
			}
			full := reflect.New(reflect.TypeOf(v)).Elem()
			fill(full, 3)
			fullObj := encodeObject(t, full.Interface())
			if got := sortedKeys(fullObj); !slices.Equal(sorted(written), got) {
				t.Errorf("%s: model members %v, the codec writes %v", n.Name, sorted(written), got)
			}
			zeroObj := encodeObject(t, v)
			var left []string
			for _, name := range all {
				if _, ok := zeroObj[name]; !ok {
					left = append(left, name)
				}
			}
			if !slices.Equal(sorted(optional), sorted(left)) {
				t.Errorf("%s: optional members %v, the codec leaves out of a zero value %v", n.Name, sorted(optional), sorted(left))
			}
			for _, obj := range []map[string]jsontext.Value{zeroObj, fullObj} {
				for _, f := range n.Type.Fields {
					val, ok := obj[f.Name]
					if !ok {
						continue
					}
					kinds := allowedKinds(prog, f.Type)
					if f.Quoted {
						kinds = "\""
						if isPointer(prog, f.Type) {
							kinds += "n"
						}
					}
					if !strings.ContainsRune(kinds, rune(val.Kind())) {
						t.Errorf("%s.%s: the codec writes %s, the model allows JSON of kinds %q", n.Name, f.Name, val, kinds)
					}
				}
			}
		}
	}
	if checked < len(corpusValues) {
		t.Errorf("checked %d struct types, want %d: a type of corpusValues is missing from the model", checked, len(corpusValues))
	}
}

// alwaysEmpty reports whether omitempty leaves out the member f whatever
// its value: an array of length 0, or a struct without members.
func alwaysEmpty(prog *model.Program, f *model.Field) bool {
	if !f.OmitEmpty {
		return false
	}
	t := resolve(prog, f.Type)
	switch t.Kind {
	case model.KindArray:
		return t.Len == 0
	case model.KindStruct:
		return len(t.Fields) == 0 && t.Fallback == nil
	}
	return false
}

// resolve follows a reference to a named type to its declaration's type.
func resolve(prog *model.Program, t *model.Type) *model.Type {
	for t.Kind == model.KindNamed {
		n := prog.Lookup(t.Pkg, t.Name)
		if n == nil {
			return t
		}
		t = n.Type
	}
	return t
}

func isPointer(prog *model.Program, t *model.Type) bool {
	return resolve(prog, t).Kind == model.KindPointer
}

// allowedKinds returns the JSON kinds (as jsontext.Kind bytes: n, t, f, 0,
// ", [, {) the model says a value of t may be written as.
func allowedKinds(prog *model.Program, t *model.Type) string {
	t = resolve(prog, t)
	switch t.Kind {
	case model.KindBool:
		return "tf"
	case model.KindInt, model.KindFloat, model.KindDuration:
		return "0"
	case model.KindString, model.KindTime, model.KindTextMarshaler, model.KindBytes:
		return "\""
	case model.KindSlice:
		return "["
	case model.KindArray:
		if t.Base64 {
			return "\""
		}
		return "["
	case model.KindMap, model.KindStruct:
		return "{"
	case model.KindPointer:
		return allowedKinds(prog, t.Elem) + "n"
	case model.KindTypeParam:
		return "ntf0\"[{"
	}
	return "ntf0\"[{" // any JSON: RawMessage, Any, Marshaler
}

// encodeObject encodes v as the runtime does and returns the members of
// the JSON object written.
func encodeObject(t *testing.T, v any) map[string]jsontext.Value {
	t.Helper()
	b, err := json.Marshal(v, actions.JSONOptions())
	if err != nil {
		t.Fatalf("encoding %T: %v", v, err)
	}
	var m map[string]jsontext.Value
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	return sorted(keys)
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

var (
	rawValueType = reflect.TypeFor[jsontext.Value]()
	timeType     = reflect.TypeFor[time.Time]()
)

// fill sets every settable part of v to a non-zero value, depth levels
// deep, so no omitempty or omitzero field is left out; maps get the key
// fallbackKey where their keys are strings, and so does a jsontext.Value.
func fill(v reflect.Value, depth int) {
	if !v.CanSet() || depth == 0 {
		return
	}
	switch {
	case v.Type() == rawValueType:
		v.SetBytes([]byte(`{"` + fallbackKey + `":1}`))
		return
	case v.Type() == timeType:
		v.Set(reflect.ValueOf(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.String:
		v.SetString(fallbackKey)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), depth-1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), depth-1)
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), depth-1)
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k := reflect.New(v.Type().Key()).Elem()
		fill(k, depth-1)
		e := reflect.New(v.Type().Elem()).Elem()
		fill(e, depth-1)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Interface:
		if v.NumMethod() == 0 {
			v.Set(reflect.ValueOf("x"))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), depth)
		}
	}
}

// corpusEnums holds the constants of each enum of testdata/types, in
// source order.
var corpusEnums = map[string][]any{
	"Status":   {types.StatusPending, types.StatusPaid, types.StatusShipped},
	"Priority": {types.PriorityLow, types.PriorityMedium, types.PriorityHigh},
	"Ratio":    {types.RatioHalf, types.RatioQuarter},
	"Toggle":   {types.ToggleOn, types.ToggleOff},
	"Escaped":  {types.EscapedQuote, types.EscapedHTML},
}

// TestEnumsMatchCodec checks that the model's enum values are the JSON the
// codec writes for each constant (v2 does not escape <, > and &).
func TestEnumsMatchCodec(t *testing.T) {
	root := testkit.RepoRoot(t)
	prog := loadClean(t, root, "./testdata/types")
	checked := 0
	for _, p := range prog.Packages {
		for _, n := range p.Types {
			if len(n.Enum) == 0 {
				continue
			}
			consts, ok := corpusEnums[n.Name]
			if !ok {
				t.Errorf("%s: no constants to compare with: add them to corpusEnums", n.Name)
				continue
			}
			checked++
			var got, want []string
			for _, v := range n.Enum {
				got = append(got, v.Value)
			}
			for _, c := range consts {
				b, err := json.Marshal(c, actions.JSONOptions())
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, string(b))
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: model values %q, the codec writes %q", n.Name, got, want)
			}
		}
	}
	if checked != len(corpusEnums) {
		t.Errorf("checked %d enums, want %d", checked, len(corpusEnums))
	}
}

// TestEnumInvalidUTF8 leaves a string constant that is not valid UTF-8 out
// of its enum: v2 can neither write it nor read it.
func TestEnumInvalidUTF8(t *testing.T) {
	str := gotypes.Typ[gotypes.String]
	if lit, ok := jsonLiteral(constant.MakeString("a\xffb"), str); ok {
		t.Errorf("jsonLiteral of invalid UTF-8 = %s, want none", lit)
	}
	if lit, ok := jsonLiteral(constant.MakeString("<&>\u2028"), str); !ok || lit != "\"<&>\u2028\"" {
		t.Errorf("jsonLiteral(<&>\\u2028) = %s, %v; want it unescaped", lit, ok)
	}
}
