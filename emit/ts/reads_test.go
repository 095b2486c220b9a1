package tsemit

import (
	"encoding/json"
	"net/url"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/emit/go/testdata/glue"
)

// readsDriver calls get actions: the glue corpus's currentCount, and
// live's size with arguments at the bound of a get action's URL and one
// byte past it, in ASCII and in two-byte characters (whose JSON is longer
// in bytes than in UTF-16 units).
const readsDriver = `import { configure, maxQueryBytes } from "./gen/runtime.js";
import { add, currentCount } from "./gen/glue.js";
import { size } from "./gen/live.js";
import { attempt } from "./describe.js";
import { baseURL } from "./config.js";

configure({ baseURL });
const results: Record<string, unknown> = { maxQueryBytes };
results["count"] = await attempt(() => currentCount());
results["add"] = await attempt(() => add(2));
results["countAfter"] = await attempt(() => currentCount());
// The JSON of [key] is the key and 4 bytes: [" and "].
results["atBound"] = await attempt(() => size("x".repeat(maxQueryBytes - 4)));
results["pastBound"] = await attempt(() => size("x".repeat(maxQueryBytes - 3)));
results["atBoundTwoByte"] = await attempt(() => size("é".repeat((maxQueryBytes - 4) / 2)));
results["pastBoundTwoByte"] = await attempt(() => size("é".repeat((maxQueryBytes - 4) / 2) + "x"));
console.log(JSON.stringify(results));
`

// TestReads runs get stubs against the handler: they call with GET, the
// arguments in the URL's args, and the client refuses arguments longer
// than the server takes, with an ActionError invalid_argument, before
// sending them; arguments at the bound are served.
func TestReads(t *testing.T) {
	s, srv := newLiveServer(t, glue.NewCounter("reads"))
	out := liveProject(t, srv, readsDriver, nil).run(t, "main.ts")
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("driver output is not JSON: %v\n%s", err, out)
	}
	refused := func(bytes int) any {
		return map[string]any{"actionError": map[string]any{
			"code": "invalid_argument", "status": 0.0, "hasID": false,
			"message": "the arguments of live.Size are " + strconv.Itoa(bytes) + " bytes of JSON, more than the 8192 a get action's URL may carry",
		}}
	}
	want := map[string]any{
		"maxQueryBytes":    float64(actions.MaxQueryBytes),
		"count":            map[string]any{"ok": 0.0},
		"add":              map[string]any{"ok": 2.0},
		"countAfter":       map[string]any{"ok": 2.0},
		"atBound":          map[string]any{"ok": float64(actions.MaxQueryBytes - 4)},
		"pastBound":        refused(actions.MaxQueryBytes + 1),
		"atBoundTwoByte":   map[string]any{"ok": float64(actions.MaxQueryBytes - 4)},
		"pastBoundTwoByte": refused(actions.MaxQueryBytes + 1),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}

	// What the server saw: reads by GET with their arguments in args, the
	// mutation by POST, and nothing of the refused calls.
	type call struct{ Method, Path, Args string }
	var calls []call
	for _, r := range s.recorded() {
		q, err := url.ParseQuery(r.Query)
		if err != nil {
			t.Fatalf("query %q: %v", r.Query, err)
		}
		args := q.Get("args")
		if len(args) > 20 {
			args = args[:20] + "…"
		}
		calls = append(calls, call{r.Method, r.Path, args})
	}
	wantCalls := []call{
		{"GET", "/_actions/glue.Counter.Count", "[]"},
		{"POST", "/_actions/glue.Counter.Add", ""},
		{"GET", "/_actions/glue.Counter.Count", "[]"},
		{"GET", "/_actions/live.Size", `["xxxxxxxxxxxxxxxxxx…`},
		{"GET", "/_actions/live.Size", `["ééééééééé…`},
	}
	if diff := cmp.Diff(wantCalls, calls); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}
