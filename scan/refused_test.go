package scan

import (
	"encoding/json/v2"
	"strings"
	"testing"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/scan/testdata/refused"
)

// TestRefusedByCodec checks that encoding/json/v2, with the runtime's
// options, really refuses the shapes of testdata/refused that the scanner
// reports (TestDiagnostics), with the error that says why, and accepts the
// ones beside them that it does not report.
func TestRefusedByCodec(t *testing.T) {
	opts := actions.JSONOptions()
	yes := true
	cases := []struct {
		v    any
		want string // "" for a value the codec accepts
	}{
		{refused.Secret{}, "unexported Go struct field secret cannot have non-ignored"},
		{refused.Dash{}, "invalid trailing ',' character"},
		{refused.Backslash{}, `invalid character '\\' before next option`},
		{refused.Space{}, "invalid character ' ' at start of option"},
		{refused.QuotedName{}, `invalid character '\'' at start of option`},
		{refused.Twice{}, "duplicate appearance of `omitempty`"},
		{refused.Camel{}, "invalid appearance of `omitEmpty` tag option"},
		{refused.Cases{}, "cannot have both `case:ignore` and `case:strict`"},
		{refused.NoCase{}, "missing value for `case` tag option"},
		{refused.BadCase{}, "unknown `case:upper` tag value"},
		{refused.LateFormat{}, "`format` tag option that was not specified last"},
		{refused.Unknown{}, ""},
		{refused.Format{}, "unsupported `format` tag option"},
		{refused.QuotedFormat{}, "unsupported `format` tag option"},
		{refused.DurationFormat{}, "unsupported `format` tag option"},
		{refused.SameName{}, `conflict over JSON object name "x"`},
		{refused.GoName{}, `conflict over JSON object name "C2"`},

		{refused.EmbedLabel{}, "of non-struct type must be explicitly given a JSON name"},
		{refused.EmbedHidden{}, "of non-struct type must be explicitly given a JSON name"},
		{refused.EmbedOptions{}, "cannot have any options other than `embed`"},
		{refused.NamedHidden{}, "is not exported"},
		{refused.TwoFallbacks{}, "cannot both be a Go map or jsontext.Value"},
		{refused.IntFallback{}, "must be a Go struct, Go map of string key, or jsontext.Value"},
		{refused.EmbedScalar{}, "must be a Go struct, Go map of string key, or jsontext.Value"},
		{refused.NamedEmbed{}, "cannot have any options other than `embed`"},
		{refused.EmbedMoney{}, "must not implement marshal or unmarshal methods"},
		{refused.KeyedEmbed{}, "must have a string key that does not implement marshal or unmarshal methods"},
		{refused.Ambiguous{}, "must not implement marshal or unmarshal methods"},
		{refused.Quiet{}, "is not exported for method calls"},

		{refused.Locked{}, "Go struct has no exported fields"},
		{refused.Opaque{}, "Go struct has no exported fields"},

		{refused.QuotedBool{}, "invalid use of `string` tag option"},
		{refused.QuotedString{}, "invalid use of `string` tag option"},
		{refused.QuotedSlice{}, "invalid use of `string` tag option"},
		{refused.QuotedBytes{}, "invalid use of `string` tag option"},
		{refused.QuotedAny{}, "invalid use of `string` tag option"},
		{refused.QuotedBoolPointer{Flag: &yes}, "invalid use of `string` tag option"},
		{refused.QuotedTime{}, "invalid use of `string` tag option"},
		{refused.QuotedAny2[bool]{}, "invalid use of `string` tag option"},
		{refused.QuotedAny2[int]{}, ""},
		{refused.QuotedNumbers{}, ""},

		{refused.BoolKeys{true: 1}, "object member name must be a string"},
		{refused.DurationKeys{1: 1}, "object member name must be a string"},
		{refused.StructKeys{{}: 1}, "object member name must be a string"},
		{refused.Keys{Floats: map[float64]int{1.5: 1}, Texts: map[refused.Key]int{"k": 1}, Bytes: map[[4]byte]int{{1}: 1}}, ""},
	}
	for _, c := range cases {
		_, err := json.Marshal(c.v, opts)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("encoding %T: %v", c.v, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("encoding %T: error %v, want one with %q", c.v, err, c.want)
		}
	}

	// A time.Duration with the string option is written as a number, which
	// the runtime's codec then refuses to read: it reads it only quoted.
	var d refused.QuotedDuration
	b, err := json.Marshal(d, opts)
	if err != nil || string(b) != `{"wait":0}` {
		t.Errorf(`a quoted duration is written as %s, %v; want {"wait":0}`, b, err)
	}
	if err := json.Unmarshal(b, &d, opts); err == nil {
		t.Errorf("%s is read back into a quoted duration; want an error", b)
	}
}
