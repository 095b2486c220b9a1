package actions

import (
	"encoding/json/v2"
	"testing"
	"time"
)

// TestEncodeResult proves that results are written exactly as the codec
// writes them, on the shortcut for plain strings and off it.
func TestEncodeResult(t *testing.T) {
	type color string
	values := []any{
		"", "hello, world", "a\"b", `a\b`, "<a href>", "&amp;", "tab\there", "\x7f", "é", "\u2028",
		color("red"), 42, nil, []string{"x"}, []string(nil), map[string]int(nil), map[string]int{"b": 1}, // one key: v2 writes keys in any order
		time.Second, struct{ D time.Duration }{time.Millisecond},
	}
	for b := range 0x80 {
		values = append(values, string([]byte{'x', byte(b), 'y'}))
	}
	st := new(callState)
	for _, v := range values {
		want, err := json.Marshal(v, encodeOptions)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.encode(v)
		if err != nil || string(got) != string(want) {
			t.Errorf("%#v: got %s, %v; want %s", v, got, err, want)
		}
	}
	if got, _ := st.encode(time.Second); string(got) != "1000000000" {
		t.Errorf("a time.Duration encodes as %s, want its nanoseconds", got)
	}
	if _, err := st.encode(func() {}); err == nil {
		t.Error("a func encoded without an error")
	}
	if _, err := st.encode("\xff"); err == nil {
		t.Error("invalid UTF-8 encoded without an error")
	}
}
