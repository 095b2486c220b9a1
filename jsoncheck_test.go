package actions

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitArgs(t *testing.T) {
	tests := []struct {
		body string
		args []string // the arguments found, or nil with err
		err  string
	}{
		{``, []string{}, ``},
		{" \t\r\n", []string{}, ``},
		{`[]`, []string{}, ``},
		{` [ ] `, []string{}, ``},
		{`[1]`, []string{`1`}, ``},
		{`[ 1 , "a" ,{"k":[true,false,null]} ]`, []string{`1`, `"a"`, `{"k":[true,false,null]}`}, ``},
		{`[-0,0.5,1e5,-1.25E-3,1E+2]`, []string{`-0`, `0.5`, `1e5`, `-1.25E-3`, `1E+2`}, ``},
		{`["\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00"]`, []string{`"\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00"`}, ``},
		{`[{"a":1,"b":{"a":2}},{"a":3}]`, []string{`{"a":1,"b":{"a":2}}`, `{"a":3}`}, ``},
		{"[\"é😀\"]", []string{"\"é😀\""}, ``},

		{`{}`, nil, `invalid JSON at byte 0: the body must be a JSON array of the arguments`},
		{`1`, nil, `invalid JSON at byte 0: the body must be a JSON array of the arguments`},
		{`[`, nil, `invalid JSON at byte 1: unexpected end of input`},
		{`[1`, nil, `invalid JSON at byte 2: expected , or ] after an argument`},
		{`[1 2]`, nil, `invalid JSON at byte 3: expected , or ] after an argument`},
		{`[1,]`, nil, `invalid JSON at byte 3: unexpected character ']'`},
		{`[],`, nil, `invalid JSON at byte 2: unexpected data after the array of arguments`},
		{`[]]`, nil, `invalid JSON at byte 2: unexpected data after the array of arguments`},
		{`[01]`, nil, `invalid JSON at byte 2: expected , or ] after an argument`},
		{`[1.]`, nil, `invalid JSON at byte 3: invalid number: no digit after the decimal point`},
		{`[1e]`, nil, `invalid JSON at byte 3: invalid number: no digit in the exponent`},
		{`[-]`, nil, `invalid JSON at byte 2: invalid number`},
		{`[+1]`, nil, `invalid JSON at byte 1: unexpected character '+'`},
		{`[.5]`, nil, `invalid JSON at byte 1: unexpected character '.'`},
		{`[NaN]`, nil, `invalid JSON at byte 1: unexpected character 'N'`},
		{`[tru]`, nil, `invalid JSON at byte 1: invalid literal, expected true`},
		{`[nul]`, nil, `invalid JSON at byte 1: invalid literal, expected null`},
		{`['a']`, nil, `invalid JSON at byte 1: unexpected character '\''`},
		{`["a]`, nil, `invalid JSON at byte 4: unterminated string`},
		{"[\"a\tb\"]", nil, `invalid JSON at byte 3: control character 0x09 in a string`},
		{`["\x"]`, nil, `invalid JSON at byte 3: invalid escape in a string`},
		{`["\u12"]`, nil, `invalid JSON at byte 4: invalid \u escape in a string`},
		{`["\uDE00"]`, nil, `invalid JSON at byte 8: unpaired surrogate escape in a string`},
		{`["\uD83D"]`, nil, `invalid JSON at byte 8: unpaired surrogate escape in a string`},
		{`["\uD83Dx"]`, nil, `invalid JSON at byte 8: unpaired surrogate escape in a string`},
		{`["\uD83D\u0041"]`, nil, `invalid JSON at byte 14: unpaired surrogate escape in a string`},
		{"[\"\xc3\"]", nil, `invalid JSON at byte 2: invalid UTF-8 in a string`},
		{"[\"\xed\xa0\x80\"]", nil, `invalid JSON at byte 2: invalid UTF-8 in a string`},
		{"[\"\xff\"]", nil, `invalid JSON at byte 2: invalid UTF-8 in a string`},
		{"[{\"\xff\":1}]", nil, `invalid JSON at byte 3: invalid UTF-8 in a string`},
		{`[{"a" 1}]`, nil, `invalid JSON at byte 6: expected : after an object key`},
		{`[{a:1}]`, nil, `invalid JSON at byte 2: expected a string key in an object`},
		{`[{"a":1,}]`, nil, `invalid JSON at byte 8: expected a string key in an object`},
		{`[{"a":1 "b":2}]`, nil, `invalid JSON at byte 8: expected , or } in an object`},
		{`[[1 2]]`, nil, `invalid JSON at byte 4: expected , or ] in an array`},
		{`[{"a":1,"a":2}]`, nil, `invalid JSON at byte 8: duplicate key "a"`},
		{`[{"a":1,"b":{"a":2},"a":3}]`, nil, `invalid JSON at byte 20: duplicate key "a"`},
		{`[{"é":1,"\u00e9":2}]`, nil, `invalid JSON at byte 9: duplicate key "é"`},
		{`[{"😀":1,"\ud83d\ude00":2}]`, nil, `invalid JSON at byte 11: duplicate key "😀"`},
		{`[{"/":1,"\/":2}]`, nil, `invalid JSON at byte 8: duplicate key "/"`},
		{`[` + manyKeys(40, 7) + `]`, nil, `duplicate key "k7"`},
		{`[` + strings.Repeat(`[`, 33) + strings.Repeat(`]`, 33) + `]`, nil, `invalid JSON at byte 33: nested deeper than 32`},
		{`[` + strings.Repeat(`{"a":`, 33) + `1` + strings.Repeat(`}`, 33) + `]`, nil, `invalid JSON at byte 161: nested deeper than 32`},
	}
	for _, tc := range tests {
		spans, n, err := splitArgs([]byte(tc.body), DefaultMaxDepth, 1<<30, nil)
		if tc.args == nil {
			if err == nil || !strings.HasSuffix(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %s", tc.body, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.body, err)
			continue
		}
		got := []string{}
		for _, s := range spans {
			got = append(got, tc.body[s.start:s.end])
		}
		if strings.Join(got, "|") != strings.Join(tc.args, "|") || len(got) != len(tc.args) || n != len(got) {
			t.Errorf("%q: arguments %q, want %q", tc.body, got, tc.args)
		}
	}
}

func TestSplitArgsKeepsAtMost(t *testing.T) {
	spans, n, err := splitArgs([]byte(`[1, 2, [3], {"4":4}, 5]`), DefaultMaxDepth, 2, nil)
	if err != nil || n != 5 || len(spans) != 2 || spans[1] != (span{4, 5}) {
		t.Errorf("got %v, %d, %v; want 2 spans of 5 arguments", spans, n, err)
	}
}

// manyKeys is an object of n distinct keys and a repeat of key dup, past
// the size where duplicates are found through a set.
func manyKeys(n, dup int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		b.WriteString(`"k` + strconv.Itoa(i) + `":1,`)
	}
	b.WriteString(`"k` + strconv.Itoa(dup) + `":2}`)
	return b.String()
}

// FuzzSplitArgs checks the pre-pass against encoding/json: what it accepts,
// encoding/json accepts as the same arguments; what it refuses is invalid
// JSON, invalid UTF-8, too deep, or has a duplicate key.
func FuzzSplitArgs(f *testing.F) {
	for _, s := range []string{``, `[]`, `[1,"a",{"b":[null]}]`, `[{"a":1,"a":2}]`, "[\"\xff\"]", `["\ud800"]`, `[1] x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		spans, n, err := splitArgs([]byte(body), 8, 1<<30, nil)
		if err != nil {
			return
		}
		if strings.TrimSpace(body) == "" {
			return
		}
		var elems []json.RawMessage
		if jerr := json.Unmarshal([]byte(body), &elems); jerr != nil {
			t.Fatalf("accepted %q, which encoding/json refuses: %v", body, jerr)
		}
		if len(elems) != len(spans) || n != len(spans) {
			t.Fatalf("%q: %d arguments, encoding/json finds %d", body, len(spans), len(elems))
		}
		for i, s := range spans {
			if got := strings.TrimSpace(body[s.start:s.end]); got != strings.TrimSpace(string(elems[i])) {
				t.Fatalf("%q: argument %d is %q, encoding/json says %q", body, i, got, elems[i])
			}
		}
		if !utf8.ValidString(body) {
			t.Fatalf("accepted invalid UTF-8 %q", body)
		}
	})
}
