package actions

import (
	"encoding/json/jsontext"
	"encoding/json/v2"
	"reflect"
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
	durationUnmarshal = json.UnmarshalFromFunc(func(dec *jsontext.Decoder, d *time.Duration) error {
		var n int64
		if err := json.UnmarshalDecode(dec, &n); err != nil {
			return err
		}
		*d = time.Duration(n)
		return nil
	})
	durations = json.JoinOptions(
		json.WithMarshalers(json.MarshalToFunc(func(enc *jsontext.Encoder, d time.Duration) error {
			return enc.WriteToken(jsontext.Int(int64(d)))
		})),
		json.WithUnmarshalers(durationUnmarshal),
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
