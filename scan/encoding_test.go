package scan

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/actionsgo/actions/internal/testkit"

	"github.com/actionsgo/actions/model"
	"github.com/actionsgo/actions/testdata/types"
	"github.com/actionsgo/actions/testdata/types/geo"
)

// corpusValues maps the struct types of testdata/types to a value of each,
// so the model can be checked against what encoding/json really writes.
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
	"Embedding":  types.Embedding{},
	"Extra":      types.Extra{},
	"Marshalers": types.Marshalers{},
	"Generics":   types.Generics{},
	"SignUp":     types.SignUp{},
	"Range":      types.Range{},
	"Point":      geo.Point{},
}

// TestFieldsMatchEncodingJSON encodes a zero and a fully populated value of
// every struct type of the corpus with encoding/json and checks that the
// model's members are exactly the keys written for the full value (but for
// an omitempty [0]T, which is always empty), and its
// optional members exactly the keys left out of the zero value.
func TestFieldsMatchEncodingJSON(t *testing.T) {
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
				t.Logf("%s: no value to compare with", n.Name)
				continue
			}
			checked++
			var all, nonEmpty, optional []string
			for _, f := range n.Type.Fields {
				all = append(all, f.Name)
				if !(f.OmitEmpty && f.Type.Kind == model.KindArray && f.Type.Len == 0) {
					nonEmpty = append(nonEmpty, f.Name) // [0]T with omitempty is never written
				}
				if f.Optional {
					optional = append(optional, f.Name)
				}
			}
			full := reflect.New(reflect.TypeOf(v)).Elem()
			fill(full, 3)
			if got := jsonKeys(t, full.Interface()); !slices.Equal(sorted(nonEmpty), got) {
				t.Errorf("%s: model members %v, encoding/json writes %v", n.Name, sorted(nonEmpty), got)
			}
			written := jsonKeys(t, v)
			var left []string
			for _, name := range all {
				if !slices.Contains(written, name) {
					left = append(left, name)
				}
			}
			if !slices.Equal(sorted(optional), sorted(left)) {
				t.Errorf("%s: optional members %v, encoding/json leaves out of a zero value %v", n.Name, sorted(optional), sorted(left))
			}
		}
	}
	if checked < len(corpusValues) {
		t.Errorf("checked %d struct types, want %d: a type of corpusValues is missing from the model", checked, len(corpusValues))
	}
}

// jsonKeys returns the sorted keys of the JSON object encoding/json writes
// for v.
func jsonKeys(t *testing.T, v any) []string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
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
	rawMessageType = reflect.TypeFor[json.RawMessage]()
	timeType       = reflect.TypeFor[time.Time]()
)

// fill sets every settable part of v to a non-zero value, depth levels
// deep, so no omitempty or omitzero field is left out.
func fill(v reflect.Value, depth int) {
	if !v.CanSet() || depth == 0 {
		return
	}
	switch {
	case v.Type() == rawMessageType:
		v.SetBytes([]byte("1"))
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
		v.SetString("x")
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
