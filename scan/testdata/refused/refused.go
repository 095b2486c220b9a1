// Package refused has struct types that encoding/json/v2 refuses at run
// time, one shape each, all reached by actions: the scanner reports each at
// the field at fault, once however many actions reach it (TestDiagnostics),
// and the scanner's tests prove that the codec does refuse them
// (TestRefusedByCodec).
package refused

import (
	"sync"
	"time"
)

// Tags that v2 cannot read.
type (
	Secret struct {
		Name   string `json:"name"`
		secret string `json:"secret"` // want 3 `^field secret: an unexported field cannot have the json tag "secret" \(only json:"-"\); encoding/json/v2 refuses the struct at run time$`
	}
	Dash struct {
		Dash string `json:"-,"` // want 3 `^field Dash: malformed json tag: a trailing ','; encoding/json/v2 refuses the struct at run time \(to name the member "-", give it an option: json:"-,case:strict"\)$`
	}
	Backslash struct {
		Invalid string `json:"a\\b"` // want 3 `^field Invalid: malformed json tag: invalid character '\\\\' before the next option \(expecting ','\); encoding/json/v2`
	}
	Space struct {
		Spaced string `json:"a, omitempty"` // want 3 `^field Spaced: malformed json tag: invalid character ' ' at the start of an option`
	}
	QuotedName struct {
		Quoted string `json:"'q'"` // want 3 `^field Quoted: malformed json tag: invalid character '\\'' at the start of an option`
	}
	Twice struct {
		Twice string `json:",omitempty,omitempty"` // want 3 "^field Twice: its json tag has the `omitempty` option twice; encoding/json/v2"
	}
	Camel struct {
		Camel string `json:",omitEmpty"` // want 3 "^field Camel: its json tag has `omitEmpty`, which encoding/json/v2 refuses \\(write `omitempty`\\)"
	}
	Cases struct {
		Cases string `json:",case:ignore,case:strict"` // want 3 "^field Cases: its json tag has both `case:ignore` and `case:strict`"
	}
	NoCase struct {
		NoCase string `json:",case"` // want 3 "^field NoCase: the `case` option of its json tag has no value"
	}
	BadCase struct {
		BadCase string `json:",case:upper"` // want 3 "^field BadCase: unknown value `case:upper` in its json tag"
	}
	LateFormat struct {
		Late string `json:",format:RFC3339,omitempty"` // want 3 "^field Late: the `format` option of its json tag is not the last one"
	}
	// Accepted: an option v2 does not know is ignored.
	Unknown struct {
		Unknown string `json:"unknown,inline"`
	}
)

// The format option, which Go 1.27's v2 refuses for every type.
type (
	Format struct {
		Hex []byte `json:"hex,format:hex"` // want 3 "^field Hex: its json tag has the `format` option, which Go 1.27's encoding/json/v2 supports for no type; encoding/json/v2 refuses the struct at run time \\(give the field a type with its own MarshalJSON and UnmarshalJSON methods instead\\)$"
	}
	QuotedFormat struct {
		Stamp time.Time `json:"stamp,format:'2006-01'"` // want 3 "^field Stamp: its json tag has the `format` option"
	}
	DurationFormat struct {
		Wait time.Duration `json:"wait,omitzero,format:units"` // want 3 "^field Wait: its json tag has the `format` option"
	}
)

// Two fields of one struct with the same JSON name.
type (
	SameName struct {
		A string `json:"x"`
		B string `json:"x"` // want 3 `^field B: fields A and B have the same JSON name "x"; encoding/json/v2 refuses the struct at run time$`
	}
	GoName struct {
		C  string `json:"C2"`
		C2 string // want 3 `^field C2: fields C and C2 have the same JSON name "C2"`
	}
)

// Label is a string.
type Label string

// hidden is an unexported number.
type hidden int

// Base is a struct to embed.
type Base struct {
	ID string `json:"id"`
}

// Money marshals itself.
type Money struct{ Cents int64 }

// MarshalJSON writes the cents.
func (m Money) MarshalJSON() ([]byte, error) { return []byte("1"), nil }

// UnmarshalJSON reads them.
func (m *Money) UnmarshalJSON([]byte) error { return nil }

// Version marshals itself too.
type Version struct{ Major int }

// MarshalJSON writes the version.
func (Version) MarshalJSON() ([]byte, error) { return []byte("1"), nil }

// UnmarshalJSON reads it.
func (*Version) UnmarshalJSON([]byte) error { return nil }

// Key is a string that marshals itself as text.
type Key string

// MarshalText writes the key.
func (k Key) MarshalText() ([]byte, error) { return []byte(k), nil }

// quiet is an unexported struct with an IsZero method.
type quiet struct {
	N int `json:"n"`
}

// IsZero reports a zero N.
func (q quiet) IsZero() bool { return q.N == 0 }

// What v2 cannot embed.
type (
	EmbedLabel struct {
		Label // want 3 `^field Label: an embedded field of a non-struct type needs a JSON name in its json tag; encoding/json/v2 refuses the struct at run time \(json:"Label", or json:"-" to leave it out\)$`
	}
	EmbedHidden struct {
		hidden // want 3 `^field hidden: an embedded field of a non-struct type needs a JSON name`
	}
	EmbedOptions struct {
		Base `json:",omitempty"` // want 3 `^field Base: an embedded field \(Go embedding without a JSON name, or the .embed. option\) takes no other json tag option`
	}
	NamedHidden struct {
		hidden `json:"h"` // want 3 `^field hidden: an unexported field can only be a JSON member when it embeds a struct`
	}
	TwoFallbacks struct {
		One map[string]string `json:",embed"`
		Two map[string]int    `json:",embed"` // want 3 "^field Two: fields One and Two cannot both be an embedded map or jsontext.Value"
	}
	IntFallback struct {
		Ints map[int]string `json:",embed"` // want 3 "^field Ints: the `embed` option needs a struct, a map with string keys or jsontext.Value, not map\\[int\\]string"
	}
	EmbedScalar struct {
		Count int `json:",embed"` // want 3 "^field Count: the `embed` option needs a struct, a map with string keys or jsontext.Value, not int"
	}
	NamedEmbed struct {
		Named map[string]string `json:"named,embed"` // want 3 "^field Named: an embedded field .* takes no other json tag option"
	}
	EmbedMoney struct {
		Money Money `json:",embed"` // want 3 "^field Money: its type refused.Money has marshal or unmarshal methods, so encoding/json/v2 cannot embed its members; give the field a JSON name in its json tag"
	}
	KeyedEmbed struct {
		Keyed map[Key]string `json:",embed"` // want 3 "^field Keyed: the keys of an embedded map must be strings without marshal or unmarshal methods"
	}
	// Ambiguous embeds two marshalers: their methods cancel out, so it is
	// a plain struct, and v2 will not embed either.
	Ambiguous struct {
		Money   // want 3 "^field Money: its type refused.Money has marshal or unmarshal methods"
		Version // want 3 "^field Version: its type refused.Version has marshal or unmarshal methods"
	}
	// Quiet asks v2 to call a method of an unexported field.
	Quiet struct {
		quiet `json:"q,omitzero"` // want 3 "^field quiet: the type refused.quiet of this unexported embedded field has methods that encoding/json/v2 cannot call on it"
	}
)

// Structs with fields but none v2 can send, and no json tag: reported where
// an action reaches them.
type (
	Locked struct {
		Mu   sync.Mutex
		Name string
	}
	Opaque struct {
		n int
	}
)

// The string option where v2 refuses it, when it writes or reads the field.
type (
	QuotedBool struct {
		Flag bool `json:"flag,string"` // want 3 "^field Flag: the `string` option applies only to numbers, and encoding/json/v2 fails on it for a field of type bool \\(remove the option\\)$"
	}
	QuotedString struct {
		Text string `json:"text,string"` // want 3 "^field Text: the `string` option applies only to numbers, and encoding/json/v2 fails on it for a field of type string"
	}
	QuotedSlice struct {
		List []int `json:"list,string"` // want 3 "^field List: .* for a field of type \\[\\]int"
	}
	QuotedBytes struct {
		Blob []byte `json:"blob,string"` // want 3 "^field Blob: .* for a field of type \\[\\]byte"
	}
	QuotedAny struct {
		Any any `json:"any,string"` // want 3 "^field Any: .* for a field of type any"
	}
	QuotedBoolPointer struct {
		Flag *bool `json:"flag,string"` // want 3 "^field Flag: .* for a field of type \\*bool"
	}
	QuotedTime struct {
		When time.Time `json:"when,string"` // want 3 "^field When: the `string` option applies only to numbers, and encoding/json/v2 fails on it for a time.Time"
	}
	QuotedDuration struct {
		Wait time.Duration `json:"wait,string"` // want 3 "^field Wait: the `string` option on a time.Duration: the runtime's codec writes it as a number, and reads it only from a quoted one \\(remove the option\\)$"
	}
	QuotedAny2[T any] struct {
		Value T `json:"value,string"` // want 3 "^field Value: the `string` option on a field of type parameter type T: encoding/json/v2 quotes numbers and fails on anything else"
	}
	// Accepted: a number, behind pointers or not, and a type whose methods
	// ignore the option.
	QuotedNumbers struct {
		Count int    `json:"count,string"`
		Deep  **int8 `json:"deep,string"`
		Money Money  `json:"money,string"`
	}
)

// Map keys that cannot be object names.
type (
	BoolKeys     map[bool]int
	DurationKeys map[time.Duration]int
	StructKeys   map[Base]int
	// Accepted: floats, text marshalers and byte arrays are written as
	// strings.
	Keys struct {
		Floats map[float64]int `json:"floats"`
		Texts  map[Key]int     `json:"texts"`
		Bytes  map[[4]byte]int `json:"bytes"`
	}
)

// Tags reaches the tag shapes.
//
//actions:server
func Tags(a Secret, b Dash, c Backslash, d Space, e QuotedName, f Twice, g Camel, h Cases, i NoCase, j BadCase, k LateFormat, l Unknown, m Format, n QuotedFormat, o DurationFormat, p SameName, q GoName) {
}

// Embedding reaches the embedding shapes.
//
//actions:server
func Embedding(a EmbedLabel, b EmbedHidden, c EmbedOptions, d NamedHidden, e TwoFallbacks, f IntFallback, g EmbedScalar, h NamedEmbed, i EmbedMoney, j KeyedEmbed, k Ambiguous, l Quiet) {
}

// Quoting reaches the string shapes.
//
//actions:server
func Quoting(a QuotedBool, b QuotedString, c QuotedSlice, d QuotedBytes, e QuotedAny, f QuotedBoolPointer, g QuotedTime, h QuotedDuration, i QuotedAny2[int], j QuotedNumbers) {
}

// Again reaches some of them again: they are still reported once.
//
//actions:server
func Again(a Secret, b QuotedBool) {}

//actions:server
func Lock(l Locked, o Opaque) {} // want 6 `^Lock: parameter l: field Mu has type sync.Mutex, which encoding/json/v2 refuses: it has fields but none that can be sent, and no json tag$` 6 `^Lock: parameter o has type refused.Opaque, which encoding/json/v2 refuses: it has fields but none that can be sent, and no json tag \(export a field, or tag one json:"-" to send it as \{\}\)$`

//actions:server
func MapKeys(b BoolKeys, d DurationKeys, s StructKeys, k Keys) {} // want 6 `^MapKeys: parameter b has type refused.BoolKeys, which cannot be sent as JSON \(encoding/json/v2 writes a bool key as true or false, which cannot be an object name\)$` 6 `^MapKeys: parameter d has type refused.DurationKeys, which cannot be sent as JSON \(the runtime writes a time.Duration as a number, which cannot be an object name; use an integer type for the keys\)$` 6 `^MapKeys: parameter s has type refused.StructKeys, which cannot be sent as JSON \(map keys must be strings, numbers, or types with text or JSON marshal methods\)$`
