package tsemit

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/emit/ts/testdata/wide"
	"github.com/actionsgo/actions/internal/testkit"
)

const widePath = "github.com/actionsgo/actions/emit/ts/testdata/wide"

// TestModesRoundTrip runs the round trips of -ts-dates and -ts-int64=bigint
// over the wide corpus, which holds a time and a 64-bit integer in every
// place a type can: each driver (testdata/roundtrip/wide_*.ts) is
// type-checked against the client generated in its mode, so the types say
// Date and bigint, then calls the served corpus and prints what it holds.
// The Check actions print what the server decoded, in Go.
func TestModesRoundTrip(t *testing.T) {
	prog := load(t, widePath)
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, wide.Actions())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	t1, t2, t3 := "date:2024-02-29T22:59:58.123Z", "date:1970-01-01T00:00:00.000Z", "date:2001-02-03T04:05:06.700Z"
	stamp := map[string]any{"at": t1, "maybe": t2, "later": []any{t3}, "byName": map[string]any{"x": t1}, "label": "s"}
	max64, min64, maxU64 := "n:9223372036854775807", "n:-9223372036854775808", "n:18446744073709551615"
	big := map[string]any{
		"i": min64, "u": maxU64, "n": max64, "un": maxU64, "p": "n:-1", "s": []any{"n:0", maxU64},
		"m": map[string]any{"a": max64}, "keys": map[string]any{"-9223372036854775808": "min"}, "d": max64,
		"level": max64, "q": "9223372036854775807", "small": 2147483647.0, "f": 0.5,
	}
	for _, mode := range []struct {
		name   string
		opts   Options
		driver string
		want   map[string]any
	}{
		{"dates", Options{Dates: true}, "wide_dates.ts", map[string]any{
			"echoStamp":      stamp,
			"echoStampNulls": map[string]any{"at": t2, "maybe": nil, "later": []any{}, "byName": map[string]any{}, "opt": t3, "label": ""},
			"checkStamp":     "2024-02-29T22:59:58.123Z 1970-01-01T00:00:00Z [2001-02-03 04:05:06.7 +0000 UTC] map[x:2024-02-29 22:59:58.123 +0000 UTC] true",
			"boxTime":        map[string]any{"value": t1, "items": []any{t2}, "byKey": map[string]any{"k": t3}, "ptr": t1},
			"boxStamp":       map[string]any{"value": stamp, "items": []any{nil, stamp}, "byKey": map[string]any{"k": stamp}, "ptr": nil},
			"times":          []any{t1, t2, t3},
			// 23:59:58.123456789+01:00: the Date keeps the instant, to the
			// millisecond.
			"moment":   t1,
			"momentMs": true,
			"sum":      map[string]any{"value": 3.0, "items": []any{1.0, 2.0}, "byKey": map[string]any{}, "ptr": nil},
			"ticks": []any{
				map[string]any{"at": t1, "maybe": nil, "later": []any{}, "byName": map[string]any{}, "label": ""},
				map[string]any{"at": "date:2024-02-29T22:59:59.123Z", "maybe": nil, "later": []any{}, "byName": map[string]any{}, "label": ""},
			},
			"extremes": map[string]any{
				// Numbers, rounded as JavaScript rounds them.
				"i": 9223372036854775807.0, "u": 18446744073709551615.0, "n": -9223372036854775808.0, "un": 18446744073709551615.0,
				"p": -9223372036854775808.0, "s": []any{0.0, 18446744073709551615.0},
				"m":    map[string]any{"max": 9223372036854775807.0, "min": -9223372036854775808.0},
				"keys": map[string]any{"-9223372036854775808": "min"}, "d": 9223372036854775807.0,
				"level": -9223372036854775808.0, "q": "9223372036854775807", "small": 2147483647.0, "f": 0.5,
			},
		}},
		{"bigint", Options{Int64: Int64BigInt}, "wide_bigint.ts", map[string]any{
			"echoBig":  big,
			"checkBig": "-9223372036854775808 18446744073709551615 9223372036854775807 18446744073709551615 -1 [0 18446744073709551615] map[a:9223372036854775807] map[-9223372036854775808:min] 9223372036854775807 9223372036854775807 9223372036854775807 2147483647 0.5",
			"extremes": map[string]any{
				"i": max64, "u": maxU64, "n": min64, "un": maxU64, "p": min64, "s": []any{"n:0", maxU64},
				"m": map[string]any{"max": max64, "min": min64}, "keys": map[string]any{"-9223372036854775808": "min"},
				"d": max64, "level": min64, "q": "9223372036854775807", "small": 2147483647.0, "f": 0.5,
			},
			"beyond": "n:9223372036854775808",
			"boxInt": map[string]any{"value": max64, "items": []any{min64}, "byKey": map[string]any{"k": "n:1"}, "ptr": nil},
			"boxBig": []any{map[string]any{"value": big, "items": []any{big}, "byKey": map[string]any{}, "ptr": big}},
			"ints":   map[string]any{"a": max64, "b": "n:-1", "c": min64, "d0": "n:1", "d1": "n:-1"},
			"sum":    map[string]any{"value": max64, "items": []any{"n:9223372036854775806", "n:1"}, "byKey": map[string]any{}, "ptr": nil},
			"count": []any{
				map[string]any{"value": max64, "items": []any{}, "byKey": map[string]any{}, "ptr": nil},
				map[string]any{"value": "n:9223372036854775806", "items": []any{}, "byKey": map[string]any{}, "ptr": nil},
			},
			"moment": "2024-02-29T23:59:58.123456789+01:00",
		}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			out := newNodeProjectWith(t, prog, mode.opts, map[string][]byte{
				"main.ts":   testkit.ReadFile(t, "testdata/roundtrip/"+mode.driver),
				"show.ts":   testkit.ReadFile(t, "testdata/roundtrip/show.ts"),
				"config.ts": []byte(fmt.Sprintf("export const baseURL = %q;\n", srv.URL)),
			}).run(t, "main.ts")
			var got map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("driver output is not JSON: %v\n%s", err, out)
			}
			if diff := cmp.Diff(mode.want, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}
