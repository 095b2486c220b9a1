package types

import (
	"encoding/json"
	"encoding/json/jsontext"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Money marshals itself as a JSON string of cents. Its directive gives the
// TypeScript type of what MarshalJSON writes.
//
//actions:ts `${number}.${number}`
type Money struct {
	Cents int64
}

// MarshalJSON writes the amount as a string like "12.34".
func (m Money) MarshalJSON() ([]byte, error) {
	return json.Marshal(fmt.Sprintf("%d.%02d", m.Cents/100, m.Cents%100))
}

// UnmarshalJSON reads what MarshalJSON writes.
func (m *Money) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	whole, frac, ok := strings.Cut(s, ".")
	if !ok || len(frac) != 2 {
		return fmt.Errorf("money %q: want units.cents", s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return err
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return err
	}
	m.Cents = w*100 + f
	return nil
}

// Color marshals itself as text, "#rrggbb": a string on the wire, and a
// valid map key.
type Color struct {
	R, G, B uint8
}

// MarshalText writes the color as "#rrggbb".
func (c Color) MarshalText() ([]byte, error) {
	return fmt.Appendf(nil, "#%02x%02x%02x", c.R, c.G, c.B), nil
}

// UnmarshalText reads what MarshalText writes.
func (c *Color) UnmarshalText(b []byte) error {
	if len(b) != 7 || b[0] != '#' {
		return errors.New("color: want #rrggbb")
	}
	_, err := fmt.Sscanf(string(b), "#%02x%02x%02x", &c.R, &c.G, &c.B)
	return err
}

// Version has both marshalers: json.Marshaler wins, so it travels as an
// array of two numbers, not as text.
//
//actions:ts [major: number, minor: number]
type Version struct {
	Major, Minor int
}

// MarshalJSON writes [major, minor].
func (v Version) MarshalJSON() ([]byte, error) {
	return json.Marshal([2]int{v.Major, v.Minor})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (v *Version) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	v.Major, v.Minor = a[0], a[1]
	return nil
}

// MarshalText writes "major.minor"; encoding/json/v2 never calls it because
// MarshalJSON exists.
func (v Version) MarshalText() ([]byte, error) {
	return fmt.Appendf(nil, "%d.%d", v.Major, v.Minor), nil
}

// Code has MarshalText on its pointer only. encoding/json/v2 calls it on
// every value, addressable or not (a map value, a result encoded by value).
type Code struct {
	Value string
}

// MarshalText writes the code upper-cased.
func (c *Code) MarshalText() ([]byte, error) {
	return []byte(strings.ToUpper(c.Value)), nil
}

// UnmarshalText reads what MarshalText writes.
func (c *Code) UnmarshalText(b []byte) error {
	c.Value = strings.ToLower(string(b))
	return nil
}

// Tally marshals itself with the methods of encoding/json/v2, which take
// precedence over its MarshalJSON: it travels as a number.
//
//actions:ts number
type Tally struct {
	count int
}

// MarshalJSONTo writes the count.
func (t Tally) MarshalJSONTo(enc *jsontext.Encoder) error {
	return enc.WriteToken(jsontext.Int(int64(t.count)))
}

// UnmarshalJSONFrom reads what MarshalJSONTo writes.
func (t *Tally) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	if tok.Kind() != '0' {
		return errors.New("tally: want a number")
	}
	n, err := tok.Int()
	t.count = int(n)
	return err
}

// MarshalJSON is never called: MarshalJSONTo takes precedence.
func (t Tally) MarshalJSON() ([]byte, error) { return []byte(`"never"`), nil }

// Slug has AppendText only: it travels as the text it appends, and is read
// as the string it is.
type Slug string

// AppendText appends the slug in lower case.
func (s Slug) AppendText(b []byte) ([]byte, error) {
	return append(b, strings.ToLower(string(s))...), nil
}

// Stamped embeds a marshaler: the promoted MarshalJSON makes Stamped
// itself marshal as a Money, hiding its other fields.
type Stamped struct {
	Money
	Note string `json:"note"`
}

// Marshalers holds the marshaler cases as fields.
type Marshalers struct {
	Money    Money           `json:"money"`
	MoneyPtr *Money          `json:"moneyPtr"`
	Color    Color           `json:"color"`
	Version  Version         `json:"version"`
	Code     Code            `json:"code"`
	Codes    []Code          `json:"codes"`
	ByColor  map[Color]Money `json:"byColor"`
	// Quoted has ",string", which a marshaler ignores.
	Quoted Money `json:"quoted,string"`
	Tally  Tally `json:"tally"`
	Slug   Slug  `json:"slug"`
	// CodeByName holds Codes as map values, where v2 still calls the
	// MarshalText of *Code.
	CodeByName map[string]Code `json:"codeByName"`
}
