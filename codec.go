package actions

import (
	"encoding"
	"encoding/json/jsontext"
	"encoding/json/v2"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"sync"
	"time"
)

// The wire codec is encoding/json/v2 with its default options, which refuse
// duplicate names and invalid UTF-8, match names case-sensitively and write
// nil slices and maps as [] and {}, plus what this file adds: unknown
// members are refused when decoding, the result of a read is written with
// map keys sorted (v2 leaves their order to chance), and time.Duration,
// which v2 leaves
// without a default representation, travels as integer nanoseconds, as
// encoding/json v1 wrote it. The scanner's model of the wire and the
// TypeScript types follow exactly these options; the tests compare them with
// the codec's real output.
var (
	durationMarshaler = json.MarshalToFunc(func(enc *jsontext.Encoder, d time.Duration) error {
		return enc.WriteToken(jsontext.Int(int64(d)))
	})
	durationUnmarshaler = json.UnmarshalFromFunc(func(dec *jsontext.Decoder, d *time.Duration) error {
		var n int64
		if err := json.UnmarshalDecode(dec, &n); err != nil {
			return err
		}
		*d = time.Duration(n)
		return nil
	})
	durations = json.JoinOptions(
		json.WithMarshalers(durationMarshaler),
		json.WithUnmarshalers(durationUnmarshaler),
	)
	strict        = json.RejectUnknownMembers(true)
	decodeOptions = json.JoinOptions(strict, durations)
	encodeOptions = durations
	// A read's result is written with map keys sorted, as encoding/json v1
	// wrote every map: the same result is the same bytes, so its ETag holds.
	// Other results keep v2's order, as sorting costs allocations on every
	// map; the JSON value is the same either way.
	readOptions = json.JoinOptions(durations, json.Deterministic(true))
)

// The codec looks the marshalers of WithMarshalers up for every value it
// meets, which costs about a tenth of the time on large payloads; so the
// handler gives the Duration options only to types that can hold one,
// worked out once per type. The wire is the same either way.

// decodesDuration reports whether decoding into type t can meet a
// time.Duration. Decoding into an interface never makes one.
func decodesDuration(t reflect.Type) bool { return holdsDuration(t, false, map[reflect.Type]bool{}) }

// encodesDuration reports whether a value of type t can hold a
// time.Duration when encoded: an interface may hold anything.
func encodesDuration(t reflect.Type) bool {
	if v, ok := encodesDurationCache.Load(t); ok {
		return v.(bool)
	}
	v := holdsDuration(t, true, map[reflect.Type]bool{})
	encodesDurationCache.Store(t, v)
	return v
}

var encodesDurationCache sync.Map // reflect.Type → bool

func holdsDuration(t reflect.Type, iface bool, on map[reflect.Type]bool) bool {
	if t == durationType {
		return true
	}
	if on[t] {
		return false
	}
	on[t] = true
	switch t.Kind() {
	case reflect.Interface:
		return iface
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return holdsDuration(t.Elem(), iface, on)
	case reflect.Map:
		return holdsDuration(t.Key(), iface, on) || holdsDuration(t.Elem(), iface, on)
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsDuration(t.Field(i).Type, iface, on) {
				return true
			}
		}
	}
	return false
}

// JSONOptions returns the options the handler decodes arguments and encodes
// results with, for code that must read or write the wire exactly as the
// handler does (tests, a hand-written client).
func JSONOptions() json.Options { return wireOptions }

var wireOptions = json.JoinOptions(decodeOptions, readOptions)

// A client that cannot hold every 64-bit integer in a number (JavaScript's
// are exact to 2^53 only) asks for them as strings with the Int64Header
// header, as the TypeScript client made with -ts-int64=bigint does on every
// call. The handler then writes every integer of a 64-bit kind (int64,
// uint64, int, uint, uintptr, and so time.Duration, and the types defined
// on them, unless they marshal themselves) as a JSON string of its decimal
// digits, "9223372036854775807", map keys as ever, and reads such strings
// as well as numbers into them. Without the header the wire is as above.
// The options apply to every value the codec meets, so such calls cost
// more to encode and decode.

// Int64Header is the request header with which a client asks for 64-bit
// integers as JSON strings; its one value is "string".
const Int64Header = "Actions-Int64"

var (
	int64Marshaler = json.MarshalToFunc(func(enc *jsontext.Encoder, v any) error {
		rv := reflect.ValueOf(v).Elem() // the codec passes a pointer to the value
		if !quotesInt64(rv.Type()) {
			return errors.ErrUnsupported
		}
		switch rv.Kind() {
		case reflect.Int, reflect.Int64:
			return enc.WriteToken(jsontext.String(strconv.FormatInt(rv.Int(), 10)))
		}
		return enc.WriteToken(jsontext.String(strconv.FormatUint(rv.Uint(), 10)))
	})
	int64Unmarshaler = json.UnmarshalFromFunc(func(dec *jsontext.Decoder, v any) error {
		rv := reflect.ValueOf(v).Elem()
		if dec.PeekKind() != '"' || !quotesInt64(rv.Type()) {
			return errors.ErrUnsupported // a number, or another type: as ever
		}
		tok, err := dec.ReadToken()
		if err != nil {
			return err
		}
		s := tok.String()
		switch rv.Kind() {
		case reflect.Int, reflect.Int64:
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return fmt.Errorf("want the decimal digits of an integer that fits in %s", rv.Kind())
			}
			rv.SetInt(n)
		default:
			n, err := strconv.ParseUint(s, 10, 64)
			if err != nil {
				return fmt.Errorf("want the decimal digits of a non-negative integer that fits in %s", rv.Kind())
			}
			rv.SetUint(n)
		}
		return nil
	})
	// The options of a call with the Int64Header: int64Marshaler first,
	// so that it writes a time.Duration too.
	int64Encode = json.WithMarshalers(json.JoinMarshalers(int64Marshaler, durationMarshaler))
	// A read's result with them, its map keys sorted as readOptions sorts them.
	int64ReadEncode = json.JoinOptions(int64Encode, json.Deterministic(true))
)

// quotesInt64 reports whether values of type t travel as strings when a
// client asks for 64-bit integers so: a 64-bit integer kind without marshal
// methods of its own (which the codec would call instead).
func quotesInt64(t reflect.Type) bool {
	if v, ok := quotesCache.Load(t); ok {
		return v.(bool)
	}
	q := false
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint64, reflect.Uintptr:
		q = t.Bits() == 64 && !marshalsItself(t)
	}
	quotesCache.Store(t, q)
	return q
}

var quotesCache sync.Map // reflect.Type → bool

// marshalsItself reports whether the codec encodes or decodes values of type
// t with methods of their own.
func marshalsItself(t reflect.Type) bool {
	if t == durationType {
		return false
	}
	pt := reflect.PointerTo(t)
	for _, m := range []reflect.Type{marshalerToType, marshalerType, textAppenderType, textMarshalerType, unmarshalerFromType, unmarshalerType, textUnmarshalerType} {
		if pt.Implements(m) {
			return true
		}
	}
	return false
}

var (
	marshalerToType   = reflect.TypeFor[json.MarshalerTo]()
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textAppenderType  = reflect.TypeFor[encoding.TextAppender]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)
