package tsemit

import (
	"encoding/json"
	jsonv2 "encoding/json/v2"
	"fmt"
	"log/slog"
	"math/big"
	"net/http/httptest"
	"net/netip"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/internal/testkit"
	"github.com/actionsgo/actions/testdata/types"
	"github.com/actionsgo/actions/testdata/types/geo"
)

const typesPath = "github.com/actionsgo/actions/testdata/types"

// fixture is one value the round trip sends, as the driver sees it.
type fixture struct {
	Kind   string `json:"kind"`   // "fixture", or "lossy" for a value that changes
	Name   string `json:"name"`   // Go name of the action
	TSName string `json:"tsName"` // its TypeScript function
	Index  int    `json:"index"`  // index in samples[Name]
	JSON   string `json:"json"`   // the value as Go encodes it
}

// outcome is what the driver reports for one call.
type outcome struct {
	Kind   string `json:"kind"` // "fixture", "built" or "lossy"
	Name   string `json:"name"`
	Index  int    `json:"index"`
	Result string `json:"result"` // JSON.stringify of the value the client received
	Error  string `json:"error"`
}

// TestRoundTrip proves the type mapping with the types corpus and its
// generated glue, served by actions.Handler: for every sample, Go encodes
// it as the runtime does (encoding/json/v2 with actions.JSONOptions), the
// generated TypeScript client parses it and sends it back through the
// action's stub, the glue decodes it (strictly: unknown fields and wrong
// types are errors) and the action returns it, and the value the client
// received decodes in Go equal to the sample. Values written in TypeScript
// against the generated types (testdata/roundtrip/built.ts) must decode to
// the Go values in builtWant. A nil slice or map travels as [] or {}, so it
// comes back empty, not nil: the comparison does not tell them apart.
func TestRoundTrip(t *testing.T) {
	prog := load(t, typesPath)
	pkg := prog.Package(typesPath)
	var fixtures []fixture
	for _, a := range pkg.Actions {
		vals, ok := samples[a.Name]
		if !ok {
			t.Errorf("no sample for %s: add one to samples", a.Name)
			continue
		}
		for i, v := range vals {
			fixtures = append(fixtures, fixture{"fixture", a.Name, a.TSName, i, string(marshal(t, v))})
		}
		if l, ok := lossy[a.Name]; ok {
			fixtures = append(fixtures, fixture{"lossy", a.Name, a.TSName, 0, string(marshal(t, l[0]))})
		}
	}
	fixturesJSON, err := json.MarshalIndent(fixtures, "", "  ")
	if err != nil {
		t.Fatal(err)
	}

	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, types.Actions())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	files := map[string][]byte{
		"fixtures.ts": []byte("export const fixtures: { kind: string; name: string; tsName: string; index: number; json: string }[] = " + string(fixturesJSON) + ";\n"),
		"config.ts":   []byte(fmt.Sprintf("export const baseURL = %q;\n", srv.URL)),
	}
	for _, name := range []string{"main.ts", "built.ts"} {
		files[name] = testkit.ReadFile(t, "testdata/roundtrip/"+name)
	}
	out := newNodeProject(t, prog, files).run(t, "main.ts")
	var outcomes []outcome
	if err := json.Unmarshal([]byte(out), &outcomes); err != nil {
		t.Fatalf("driver output is not JSON: %v\n%s", err, out)
	}

	seen := map[string]int{}
	for _, o := range outcomes {
		seen[o.Kind]++
		var want any
		switch o.Kind {
		case "fixture":
			want = samples[o.Name][o.Index]
		case "built":
			want = builtWant[o.Name]
		case "lossy":
			want = lossy[o.Name][1]
		}
		if want == nil && o.Kind != "fixture" {
			t.Errorf("%s %s: no expected value", o.Kind, o.Name)
			continue
		}
		if o.Error != "" {
			t.Errorf("%s %s[%d]: the call failed: %s", o.Kind, o.Name, o.Index, o.Error)
			continue
		}
		got := reflect.New(typeOf(o.Name))
		if err := jsonv2.Unmarshal([]byte(o.Result), got.Interface(), actions.JSONOptions()); err != nil {
			t.Errorf("%s %s[%d]: the client's value %s does not decode: %v", o.Kind, o.Name, o.Index, o.Result, err)
			continue
		}
		if diff := cmp.Diff(want, got.Elem().Interface(), cmpAll); diff != "" {
			t.Errorf("%s %s[%d]: the value changed on its way through the client (-want +got):\n%s\nthe client received %s", o.Kind, o.Name, o.Index, diff, o.Result)
		}
	}
	if seen["fixture"]+seen["lossy"] != len(fixtures) || seen["built"] != len(builtWant) || seen["lossy"] != len(lossy) {
		t.Errorf("driver reported %v, want %d fixtures, %d built, %d lossy", seen, len(fixtures), len(builtWant), len(lossy))
	}
}

// typeOf returns the parameter type of the corpus action name: the type of
// its samples, or any when they differ (EchoAny).
func typeOf(name string) reflect.Type {
	var typ reflect.Type
	for i, v := range samples[name] {
		switch {
		case i == 0:
			typ = typeOfValue(v)
		case typeOfValue(v) != typ:
			return reflect.TypeFor[any]()
		}
	}
	return typ
}

// marshal encodes v as the runtime encodes a result.
func marshal(t *testing.T, v any) []byte {
	t.Helper()
	p := reflect.New(typeOfValue(v))
	if v != nil {
		p.Elem().Set(reflect.ValueOf(v))
	}
	b, err := jsonv2.Marshal(p.Interface(), actions.JSONOptions())
	if err != nil {
		t.Fatalf("encoding %#v: %v", v, err)
	}
	return b
}

func typeOfValue(v any) reflect.Type {
	if v == nil {
		return reflect.TypeFor[any]()
	}
	return reflect.TypeOf(v)
}

// cmpAll compares unexported fields too (netip.Addr, big.Int): the samples
// leave the unexported fields of corpus types zero, so this is exact. Nil
// and empty slices and maps are equal: the wire has no null for them.
var cmpAll = cmp.Options{cmp.Exporter(func(reflect.Type) bool { return true }), cmpopts.EquateEmpty()}

// builtWant holds the Go values that the values built in
// testdata/roundtrip/built.ts must decode to, by action name.
var builtWant = map[string]any{
	"EchoItem":     builtItem,
	"EchoMoney":    types.Money{Cents: 1234},
	"EchoVersion":  types.Version{Major: 1, Minor: 26},
	"EchoStatus":   types.StatusShipped,
	"EchoTime":     builtLeap,
	"EchoDuration": 2 * time.Minute,
	"EchoBytes":    []byte{0, 1, 0xfe},
	"EchoPointer":  (*types.Item)(nil),
	"EchoSlice":    []types.Item{},
	"EchoIntMap":   map[int]string{-1: "minus one", 7: "seven"},
	"EchoScalars": types.Scalars{
		Bool: true, Int: -1, Int8: 127, Int16: 1, Int32: 2, Int64: maxExact,
		Uint: 3, Uint8: 4, Uint16: 5, Uint32: 6, Uint64: 7, Uintptr: 8,
		Float32: 0.5, Float64: 0.1, String: "s", Byte: 9, Rune: 10,
	},
	"EchoContainers": types.Containers{
		Pointer:   &builtItem,
		Slice:     []types.Item{},
		Array:     [3]int{1, 2, 3},
		Matrix:    [][]float64{{0.25}, nil},
		Strings:   map[string]int{"a": 1},
		Ints:      map[int64]types.Item{-3: builtItem},
		Uints:     map[uint8]bool{255: true},
		Enums:     map[types.Status]int{types.StatusPaid: 1},
		IntEnums:  map[types.Priority]string{types.PriorityHigh: "high"},
		TextKeys:  map[types.Color]string{{B: 255}: "blue"},
		FloatKeys: map[float64]string{1.5: "one and a half"},
	},
	"EchoSpecial": types.Special{
		Bytes:     []byte("hi\xff"),
		Fixed:     [4]byte{1, 2, 3, 4},
		Blob:      types.Blob{},
		Time:      builtLeap,
		Duration:  1500 * time.Millisecond,
		Raw:       json.RawMessage(`{"any":["json",1]}`),
		Interface: []any{true},
		Addr:      netip.MustParseAddr("192.0.2.1"),
		Big:       big.NewInt(42),
		Month:     time.December,
		Point:     geo.Point{Lat: 1.5, Lng: -2.5},
	},
	"EchoEmbedding": types.Embedding{
		Base:  types.Base{ID: "e", Created: builtLeap},
		Left:  types.Left{Code: "code", Shared: types.Shared{Once: types.Once{Once: "o"}}},
		Extra: types.Extra{Info: "i"},
		Label: "label",
		Box:   types.Boxed{Width: 2},
		Name:  "n",
	},
	"EchoGenerics": types.Generics{
		Items:  types.Page[types.Item]{Items: []types.Item{builtItem}},
		Pairs:  []types.Pair[string, int]{{Key: "k", Value: 1}},
		Nested: types.Page[types.Pair[types.Status, *types.Item]]{Items: []types.Pair[types.Status, *types.Item]{{Key: types.StatusPending}}, Next: ptr("n")},
		Tree:   types.Tree[string]{Value: "root", Children: []types.Tree[string]{{Value: "leaf"}}},
		Lookup: types.Lookup[types.Page[int]]{"p": {}},
		List:   types.List[types.Color]{{R: 1, G: 2, B: 3}},
	},
	"EchoAnonymous": func() types.Anonymous {
		var a types.Anonymous
		a.Dimensions.Width, a.Dimensions.Height = 1, 2
		a.Tags = append(a.Tags, struct {
			Key   string `json:"key"`
			Value string `json:"value,omitempty"`
		}{Key: "k"})
		return a
	}(),
}

var (
	builtItem = types.Item{SKU: "built", Quantity: 2, Price: 0.5}
	builtLeap = time.Date(2024, 2, 29, 22, 59, 58, 123e6, time.UTC)
)

// lossy holds values that do not survive the client, with what comes back:
// integers beyond 2^53 are rounded by JavaScript numbers.
var lossy = map[string][2]any{
	"EchoUint64": {uint64(1<<53 + 1), uint64(1 << 53)},
}
