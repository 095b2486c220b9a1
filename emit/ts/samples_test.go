package tsemit

import (
	"encoding/json"
	"encoding/json/jsontext"
	"math/big"
	"net/netip"
	"reflect"
	"time"

	"github.com/actionsgo/actions/testdata/types"
	"github.com/actionsgo/actions/testdata/types/geo"
)

// maxExact is the largest integer a JavaScript number holds exactly: larger
// int64 and uint64 values do not survive a round trip through the client
// (see TestRoundTripPrecision).
const maxExact = 1<<53 - 1

func ptr[T any](v T) *T { return &v }

var (
	item1 = types.Item{SKU: "sku-1", Quantity: 3, Price: 9.99}
	item2 = types.Item{SKU: "ünïcode \u2028 <&>", Quantity: -1, Price: 1e-7}
	paris = time.Date(2024, 2, 29, 23, 59, 58, 123456789, time.FixedZone("CET", 3600))
)

// samples holds, for each action of the types corpus by Go name, the values
// the round trip sends. Each is a value of the action's parameter type; only
// members that travel are set, since the others cannot come back.
var samples = map[string][]any{
	"EchoScalars": {types.Scalars{
		Bool: true, Int: -42, Int8: -128, Int16: -32768, Int32: -2147483648, Int64: -maxExact,
		Uint: 42, Uint8: 255, Uint16: 65535, Uint32: 4294967295, Uint64: maxExact, Uintptr: 7,
		Float32: 0.1, Float64: -1.5e300, String: "tab\t\"quote\" \\ é 😀 \u2028", Byte: 'b', Rune: '😀',
	}, types.Scalars{}},
	"EchoBool":     {true, false},
	"EchoInt":      {-7, maxExact},
	"EchoUint64":   {uint64(maxExact), uint64(0)},
	"EchoFloat32":  {float32(0.1), float32(3.4028235e38), float32(-1.0 / 3)},
	"EchoString":   {"", "multi\nline <script>&amp;</script> \u2028\u2029 \x00 😀"},
	"EchoCelsius":  {types.Celsius(-40.5)},
	"EchoStatus":   {types.StatusPaid, types.StatusPending},
	"EchoPriority": {types.PriorityHigh, types.PriorityLow},
	"EchoRatio":    {types.RatioQuarter},
	"EchoToggle":   {types.ToggleOn, types.ToggleOff},
	"EchoEscaped":  {types.EscapedQuote, types.EscapedHTML},
	"EchoItem":     {item1, item2},
	"EchoContainers": {types.Containers{
		Pointer:    &item1,
		PointerPtr: ptr(ptr(5)),
		Slice:      []types.Item{item1, item2},
		Array:      [3]int{1, 2, 3},
		Matrix:     [][]float64{{1, 2}, nil, {}},
		Strings:    map[string]int{"a": 1, "": 0},
		Ints:       map[int64]types.Item{-maxExact: item1, 0: item2},
		Uints:      map[uint8]bool{255: true, 0: false},
		Enums:      map[types.Status]int{types.StatusPaid: 1},
		IntEnums:   map[types.Priority]string{types.PriorityHigh: "high"},
		TextKeys:   map[types.Color]string{{R: 1, G: 2, B: 255}: "blue"},
		FloatKeys:  map[float64]string{-0.5: "minus half", 1e21: "big", 3: "three"},
		NestedMaps: map[string]map[string][]string{"a": {"b": {"c"}, "nil": nil}, "nil": nil},
	}, types.Containers{}},
	"EchoSpecial": {types.Special{
		Bytes:     []byte{0, 1, 2, 253, 254, 255},
		Fixed:     [4]byte{1, 2, 3, 255},
		Blob:      types.Blob("blob"),
		Time:      paris,
		Duration:  90*time.Minute + 1,
		Raw:       json.RawMessage(`{"a":[1,true,null,"x"]}`),
		Any:       map[string]any{"n": 1.5, "list": []any{"x", nil, false}},
		Interface: "text",
		Addr:      netip.MustParseAddr("2001:db8::1"),
		Big:       big.NewInt(-123456789),
		Month:     time.December,
		Point:     geo.Point{Lat: 48.8566, Lng: 2.3522},
	}},
	"EchoBytes":      {[]byte("bytes\x00\xff"), []byte(nil), []byte{}},
	"EchoFixedBytes": {[16]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255}},
	"EchoBlob":       {types.Blob{1, 2, 3}, types.Blob(nil)},
	"EchoMyBytes":    {[]types.MyByte("my\x00\xff"), []types.MyByte(nil), []types.MyByte{}},
	"EchoRunes":      {[3]rune{'a', 'é', '🙂'}},
	"EchoOptions":    {optionsSample()},
	"EchoTime":       {paris, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)},
	"EchoDuration":   {-time.Nanosecond, 1000 * time.Hour},
	"EchoRaw":        {json.RawMessage(`[1,"two",{"three":3}]`), json.RawMessage(`null`)},
	"EchoAny":        {map[string]any{"a": []any{1.0, "x", nil, true}}, "string", nil, 2.5},
	"EchoAddr":       {netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("::1")},
	"EchoMonth":      {time.February},
	"EchoPoint":      {geo.Point{Lat: -33.8688, Lng: 151.2093}},
	"EchoPointer":    {&item1, (*types.Item)(nil)},
	"EchoSlice":      {[]types.Item{item1, item2}, []types.Item(nil), []types.Item{}},
	"EchoArray":      {[2]types.Item{item1, item2}},
	"EchoMap":        {map[string]types.Item{"one": item1}, map[string]types.Item(nil)},
	"EchoIntMap":     {map[int]string{-1: "minus one", 0: "zero", maxExact: "max"}},
	"EchoTextKeyMap": {map[types.Color]int{{R: 255}: 1, {G: 255}: 2}},
	"EchoItems":      {types.Items{item2}, types.Items(nil)},
	"EchoInventory":  {types.Inventory{"x": item1}, types.Inventory(nil)},
	"EchoAnonymous": {func() types.Anonymous {
		var a types.Anonymous
		a.Dimensions.Width, a.Dimensions.Height = 640, 480
		a.Tags = append(a.Tags, struct {
			Key   string `json:"key"`
			Value string `json:"value,omitempty"`
		}{Key: "k", Value: "v"}, struct {
			Key   string `json:"key"`
			Value string `json:"value,omitempty"`
		}{Key: "no value"})
		return a
	}()},
	"EchoCategory": {types.Category{
		Name:     "root",
		Parent:   &types.Category{Name: "above"},
		Children: []types.Category{{Name: "child", Children: []types.Category{}}},
	}},
	"EchoNode": {types.Node{ID: "a", Edges: []types.Edge{{To: &types.Node{ID: "b", Edges: []types.Edge{{}}}}}}},
	"EchoTagged": {types.Tagged{
		Renamed: "renamed", Untagged: "untagged", NoName: "noname", Dash: "dash", Spaced: "spaced", Symbol: "☃",
		OmitString: "s", OmitInt: 1, OmitBool: true, OmitPointer: ptr(0), OmitSlice: []string{"x"}, OmitMap: map[string]int{"a": 1},
		OmitAny: false, OmitBytes: []byte{0}, OmitStruct: item1, OmitSparse: types.Sparse{Note: "n"}, OmitTime: paris,
		OmitDuration: time.Second, OmitArray: [2]int{1, 2}, OmitFixed: [2]byte{1, 255}, OmitEnum: types.StatusShipped,
		OmitCode: types.Code{Value: "c"},
		ZeroTime: paris, ZeroStruct: item2, ZeroInt: -1, ZeroWindow: types.Window{From: 1, To: 2}, ZeroSpan: types.Span{Length: 3},
		Both:      "both",
		QuotedInt: -maxExact, QuotedUint: 65535, QuotedFloat: 0.5, QuotedPointer: ptr(7), QuotedDeep: ptr(ptr(int8(-8))),
		QuotedEnum: types.PriorityMedium, QuotedOmitted: 0,
		Folded: "folded", Strict: "strict",
		Override: paris, Override2: maxExact,
		Open:   types.Open{ID: "open", Attrs: map[string]string{"color": "red", "": "empty"}},
		Opener: types.Opener{Open: types.Open{ID: "opener", Attrs: map[string]string{"size": "L"}}, Note: "note"},
		Loose:  types.Loose{Kind: "loose", Rest: jsontext.Value(`{"n":1,"list":[true,null]}`)},
	}, types.Tagged{}},
	"EchoEmbedding": {types.Embedding{
		Base:   types.Base{ID: "id", Created: paris},
		Meta:   &types.Meta{Region: "eu", Zone: "a"},
		Left:   types.Left{Code: "left", Shared: types.Shared{Once: types.Once{Once: "once"}}},
		Extra:  types.Extra{Info: "info"},
		Label:  "label",
		Middle: &types.Middle{Deep: types.Deep{Level: "deep"}},
		Box:    types.Boxed{Width: 3},
		Name:   "name",
	}, types.Embedding{}},
	"EchoMoney":   {types.Money{Cents: 1234}, types.Money{}},
	"EchoColor":   {types.Color{R: 0x12, G: 0x34, B: 0x56}},
	"EchoVersion": {types.Version{Major: 1, Minor: 26}},
	"EchoCode":    {types.Code{Value: "abc"}},
	"EchoStamped": {types.Stamped{Money: types.Money{Cents: 99}}},
	"EchoMarshalers": {types.Marshalers{
		Money: types.Money{Cents: 1}, MoneyPtr: &types.Money{Cents: 2}, Color: types.Color{R: 1},
		Version: types.Version{Major: 2}, Code: types.Code{Value: "x"}, Codes: []types.Code{{Value: "y"}},
		ByColor: map[types.Color]types.Money{{B: 9}: {Cents: 3}}, Quoted: types.Money{Cents: 4},
		Slug: "lower-case", CodeByName: map[string]types.Code{"a": {Value: "abc"}},
	}},
	"EchoPage":   {types.Page[types.Item]{Items: []types.Item{item1}, Next: ptr("cursor")}, types.Page[types.Item]{}},
	"EchoPair":   {types.Pair[string, types.Item]{Key: "k", Value: item2}},
	"EchoTree":   {types.Tree[int]{Value: 1, Children: []types.Tree[int]{{Value: 2}, {Value: 3, Children: []types.Tree[int]{{Value: 4}}}}}},
	"EchoLookup": {types.Lookup[types.Item]{"a": item1}, types.Lookup[types.Item](nil)},
	"EchoGenerics": {types.Generics{
		Items:  types.Page[types.Item]{Items: []types.Item{item1}},
		Pairs:  []types.Pair[string, int]{{Key: "a", Value: 1}},
		Nested: types.Page[types.Pair[types.Status, *types.Item]]{Items: []types.Pair[types.Status, *types.Item]{{Key: types.StatusPaid, Value: &item2}, {Key: types.StatusShipped}}},
		Tree:   types.Tree[string]{Value: "root"},
		Lookup: types.Lookup[types.Page[int]]{"p": {Items: []int{1, 2}}},
		Alias:  types.ItemPage{Next: ptr("")},
		List:   types.List[types.Color]{{R: 3}},
	}},
	"EchoItemPage": {types.ItemPage{Items: []types.Item{item2}}},
	"EchoList":     {types.List[types.Item]{item1}, types.List[types.Item](nil)},
	"EchoQuantity": {types.Quantity(12)},
	"EchoSignUp":   {types.SignUp{Email: "a@example.com"}},
	"EchoRange":    {types.Range{From: 1, To: 2}},
}

// optionsSample is a value of EchoOptions's anonymous struct parameter. The
// type has an unexported field, so it cannot be written out here (it would
// be another type): it is built by reflection.
func optionsSample() any {
	v := reflect.New(reflect.TypeOf(types.EchoOptions).In(0)).Elem()
	v.FieldByName("ID").SetString("base")
	v.FieldByName("Limit").SetInt(10)
	v.FieldByName("Labels").Set(reflect.ValueOf([]string{"a", "b"}))
	v.FieldByName("Nested").FieldByName("On").SetBool(true)
	return v.Interface()
}
