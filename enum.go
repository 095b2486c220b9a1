package actions

import (
	"encoding/json/jsontext"
	"encoding/json/v2"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// EnumSet is what the handler accepts in an argument for one closed enum
// type: its constants and its zero value. Enum makes one; Param takes the
// sets of the enums a parameter's type reaches.
type EnumSet struct {
	unmarshal *json.Unmarshalers
}

// enumKind is the kinds an enum type can have: a defined boolean, number
// or string type.
type enumKind interface {
	~bool | ~string |
		~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64
}

// Enum declares the values that an argument may hold where its type has
// the enum type T: the constants given, and T's zero value, which Go writes
// for a member left unset, so that a value Go sent is always accepted back.
// The handler refuses any other with CodeInvalidArgument, naming the
// values it accepts. Generated glue calls it once for each closed enum that
// its parameters reach, with the enum's exported constants, and gives the
// set to Param.
func Enum[T enumKind](constants ...T) EnumSet {
	var zero T
	allowed := map[T]bool{zero: true}
	var want []string
	for _, c := range append(constants, zero) {
		lit, err := json.Marshal(c)
		if err != nil || slices.Contains(want, string(lit)) {
			continue // a string that is not UTF-8 never decodes
		}
		allowed[c] = true
		want = append(want, string(lit))
	}
	text := strings.Join(want, ", ")
	if n := len(want); n > 1 {
		text = strings.Join(want[:n-1], ", ") + " or " + want[n-1]
	}
	// The value is decoded as T's underlying type, through a pointer
	// converted to it: decoding a *T would call this function again.
	t := reflect.TypeFor[T]()
	base := reflect.PointerTo(basicTypes[t.Kind()])
	return EnumSet{unmarshal: json.UnmarshalFromFunc(func(dec *jsontext.Decoder, v *T) error {
		if err := json.UnmarshalDecode(dec, reflect.ValueOf(v).Convert(base).Interface()); err != nil {
			return err
		}
		if allowed[*v] {
			return nil
		}
		got, _ := json.Marshal(*v)
		return &enumError{want: text, got: shorten(string(got))}
	})}
}

// basicTypes are the predeclared types of the enum kinds.
var basicTypes = map[reflect.Kind]reflect.Type{
	reflect.Bool:    reflect.TypeFor[bool](),
	reflect.String:  reflect.TypeFor[string](),
	reflect.Int:     reflect.TypeFor[int](),
	reflect.Int8:    reflect.TypeFor[int8](),
	reflect.Int16:   reflect.TypeFor[int16](),
	reflect.Int32:   reflect.TypeFor[int32](),
	reflect.Int64:   reflect.TypeFor[int64](),
	reflect.Uint:    reflect.TypeFor[uint](),
	reflect.Uint8:   reflect.TypeFor[uint8](),
	reflect.Uint16:  reflect.TypeFor[uint16](),
	reflect.Uint32:  reflect.TypeFor[uint32](),
	reflect.Uint64:  reflect.TypeFor[uint64](),
	reflect.Uintptr: reflect.TypeFor[uintptr](),
	reflect.Float32: reflect.TypeFor[float32](),
	reflect.Float64: reflect.TypeFor[float64](),
}

// enumError is a value of a closed enum type that is none of its values.
type enumError struct {
	want string // the JSON values accepted, "\"a\", \"b\" or \"\""
	got  string // the JSON value received
}

func (e *enumError) Error() string { return "want one of " + e.want + ", got " + e.got }

// shorten cuts a JSON value the client sent to a length fit for a message,
// at a character boundary.
func shorten(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
