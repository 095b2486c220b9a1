package actions

import (
	"encoding/json"
	"testing"
)

// TestEncodeResult proves that results are written exactly as json.Marshal
// writes them, on the shortcut for plain strings and off it.
func TestEncodeResult(t *testing.T) {
	type color string
	values := []any{
		"", "hello, world", "a\"b", `a\b`, "<a href>", "&amp;", "tab\there", "\x7f", "é", "\u2028",
		"\xff", color("red"), 42, nil, []string{"x"}, map[string]int{"b": 1, "a": 2},
	}
	for b := range 0x100 {
		values = append(values, string([]byte{'x', byte(b), 'y'}))
	}
	e := resultEncoders.New().(*resultEncoder)
	for _, v := range values {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.encode(v)
		if err != nil || string(got) != string(want) {
			t.Errorf("%#v: got %s, %v; want %s", v, got, err, want)
		}
	}
	if _, err := e.encode(func() {}); err == nil {
		t.Error("a func encoded without an error")
	}
}
