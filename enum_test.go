package actions_test

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/actionsgo/actions"
)

type (
	color    string
	level    int8
	fraction float32
)

const (
	red   color = "red"
	green color = "green"

	low  level = 1
	high level = 2

	half fraction = 0.5
)

// palette reaches the enums every way the codec decodes them.
type palette struct {
	Main    color            `json:"main"`
	Others  []color          `json:"others,omitempty"`
	ByColor map[color]int    `json:"byColor,omitempty"`
	Level   level            `json:"level,omitempty"`
	Quoted  level            `json:"quoted,omitempty,string"`
	Ptr     *color           `json:"ptr,omitempty"`
	Scale   fraction         `json:"scale,omitempty"`
	Wait    time.Duration    `json:"wait,omitempty"`
	Plain   map[string]color `json:"plain,omitempty"`
}

// TestEnum declares closed enums to the parameters that reach them: their
// constants and their zero values are accepted wherever they are, any other
// value is refused with the values accepted, and a parameter that reaches
// none is not checked.
func TestEnum(t *testing.T) {
	colors, levels, fractions := actions.Enum(red, green), actions.Enum(low, high), actions.Enum(half)
	echo := func(args []any) (any, error) { return args[0], nil }
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, []actions.Action{
		{ID: "e.Palette", Params: []actions.Parameter{actions.Param[palette]("p", colors, levels, fractions)}, Returns: true,
			Call: func(_ context.Context, args []any) (any, error) { return echo(args) }},
		{ID: "e.Color", Params: []actions.Parameter{actions.Param[color]("c", colors)}, Returns: true,
			Call: func(_ context.Context, args []any) (any, error) { return echo(args) }},
		{ID: "e.Unchecked", Params: []actions.Parameter{actions.Param[color]("c")}, Returns: true,
			Call: func(_ context.Context, args []any) (any, error) { return echo(args) }},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id, body string
		status   int
		want     string
	}{
		{"e.Color", `["red"]`, 200, `"red"`},
		{"e.Color", `["green"]`, 200, `"green"`},
		{"e.Color", `["gr\u0065en"]`, 200, `"green"`}, // compared as values, not as text
		{"e.Color", `[""]`, 200, `""`},                // the zero value, which Go sends for an unset member
		{"e.Color", `["blue"]`, 400, `{"code":"invalid_argument","message":"argument c: want one of \"red\", \"green\" or \"\", got \"blue\""}`},
		{"e.Color", `["RED"]`, 400, `{"code":"invalid_argument","message":"argument c: want one of \"red\", \"green\" or \"\", got \"RED\""}`},
		{"e.Color", `[1]`, 400, `{"code":"invalid_argument","message":"argument c: want a string, got a number"}`},
		{"e.Color", `["` + strings.Repeat("x", 60) + `"]`, 400, `{"code":"invalid_argument","message":"argument c: want one of \"red\", \"green\" or \"\", got \"` + strings.Repeat("x", 39) + `…"}`},
		{"e.Unchecked", `["blue"]`, 200, `"blue"`},

		{"e.Palette", `[{"main":"red","others":["green",""],"byColor":{"":2},"level":2,"quoted":"1","ptr":"green","scale":0.5,"wait":5,"plain":{"x":"red"}}]`, 200,
			`{"main":"red","others":["green",""],"byColor":{"":2},"level":2,"quoted":"1","ptr":"green","scale":0.5,"wait":5,"plain":{"x":"red"}}`},
		{"e.Palette", `[{"main":"blue"}]`, 400, `{"code":"invalid_argument","message":"argument p: want one of \"red\", \"green\" or \"\" at /main, got \"blue\""}`},
		{"e.Palette", `[{"main":"red","others":["red","blue"]}]`, 400, `{"code":"invalid_argument","message":"argument p: want one of \"red\", \"green\" or \"\" at /others/1, got \"blue\""}`},
		{"e.Palette", `[{"main":"red","byColor":{"blue":1}}]`, 400, `{"code":"invalid_argument","message":"argument p: want one of \"red\", \"green\" or \"\" at /byColor/blue, got \"blue\""}`},
		{"e.Palette", `[{"main":"red","level":3}]`, 400, `{"code":"invalid_argument","message":"argument p: want one of 1, 2 or 0 at /level, got 3"}`},
		{"e.Palette", `[{"main":"red","quoted":"3"}]`, 400, `{"code":"invalid_argument","message":"argument p: want one of 1, 2 or 0 at /quoted, got 3"}`},
		{"e.Palette", `[{"main":"red","quoted":2}]`, 400, `{"code":"invalid_argument","message":"argument p: want an integer that fits in int8 at /quoted, got a number"}`},
		{"e.Palette", `[{"main":"red","ptr":"blue"}]`, 400, `{"code":"invalid_argument","message":"argument p: want one of \"red\", \"green\" or \"\" at /ptr, got \"blue\""}`},
		{"e.Palette", `[{"main":"red","scale":0.25}]`, 400, `{"code":"invalid_argument","message":"argument p: want one of 0.5 or 0 at /scale, got 0.25"}`},
		{"e.Palette", `[{"main":"red","plain":{"x":"blue"}}]`, 400, `{"code":"invalid_argument","message":"argument p: want one of \"red\", \"green\" or \"\" at /plain/x, got \"blue\""}`},
	}
	for _, tc := range tests {
		r := httptest.NewRequest("POST", "/_actions/"+tc.id, strings.NewReader(tc.body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != tc.status || w.Body.String() != tc.want {
			t.Errorf("%s %s: got %d %s, want %d %s", tc.id, tc.body, w.Code, w.Body, tc.status, tc.want)
		}
	}
}

// TestEnumWithFiles checks that the unmarshalers of a parameter (its enums
// and its durations) still apply to the arguments of a multipart call,
// which adds one of its own for the files.
func TestEnumWithFiles(t *testing.T) {
	colors := actions.Enum(red, green)
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, []actions.Action{{
		ID:     "e.Paint",
		Params: []actions.Parameter{actions.Param[palette]("p", colors), actions.Param[actions.File]("file")},
		Files:  true, Returns: true,
		Call: func(_ context.Context, args []any) (any, error) {
			p := args[0].(*palette)
			return string(p.Main) + " " + p.Wait.String() + " " + args[1].(*actions.File).Name, nil
		},
	}})
	if err != nil {
		t.Fatal(err)
	}
	send := func(args string) *httptest.ResponseRecorder {
		ct, body := multipartBody(t, [][2]string{{"args", args}}, map[string][]byte{"file0": []byte("x")})
		r := httptest.NewRequest("POST", "/_actions/e.Paint", body)
		r.Header.Set("Content-Type", ct)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	if w := send(`[{"main":"red","wait":1000},"file0"]`); w.Code != 200 || w.Body.String() != `"red 1µs file0.bin"` {
		t.Errorf("a multipart call: %d %s", w.Code, w.Body)
	}
	if w := send(`[{"main":"blue"},"file0"]`); w.Code != 400 || !strings.Contains(w.Body.String(), `want one of \"red\", \"green\" or \"\" at /main, got \"blue\"`) {
		t.Errorf("a multipart call with a value outside the enum: %d %s", w.Code, w.Body)
	}
}
