package tsemit

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions/emit/go/testdata/glue"
)

// tanstackDriver runs the glue corpus's currentCountQuery through
// @tanstack/query-core's QueryClient, with results that stay fresh until
// invalidated, so a fetch after add shows whether the cache or the server
// answered.
const tanstackDriver = `import { QueryClient, QueryObserver } from "@tanstack/query-core";
import { configure } from "./gen/runtime.js";
import { add, currentCountQuery } from "./gen/glue.js";
import { baseURL } from "./config.js";

configure({ baseURL });
const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
const results: Record<string, unknown> = {};

results["first"] = await client.fetchQuery(currentCountQuery());
await add(5);
results["cached"] = await client.fetchQuery(currentCountQuery());
await client.invalidateQueries({ queryKey: ["glue.Counter.Count"] });
results["afterInvalidate"] = await client.fetchQuery(currentCountQuery());

// An observed query, as useQuery makes one: invalidating by the ID
// refetches it at once.
const observer = new QueryObserver(client, currentCountQuery());
const unsubscribe = observer.subscribe(() => {});
await add(1);
await client.invalidateQueries({ queryKey: ["glue.Counter.Count"] });
const r = observer.getCurrentResult();
results["observed"] = { status: r.status, data: r.data, isStale: r.isStale };
unsubscribe();
client.clear();
console.log(JSON.stringify(results));
`

// TestTanStackQuery runs a get action's <name>Query with TanStack Query's
// QueryClient against the handler: fetchQuery resolves with the result,
// the cache answers while the result is fresh, and invalidating by the
// action's ID alone refetches the new value, for a fetched query and for
// an observed one.
func TestTanStackQuery(t *testing.T) {
	s, srv := newLiveServer(t, glue.NewCounter("tanstack"))
	out := liveProject(t, srv, tanstackDriver, nil).run(t, "main.ts")
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("driver output is not JSON: %v\n%s", err, out)
	}
	want := map[string]any{
		"first":           0.0,
		"cached":          0.0,
		"afterInvalidate": 5.0,
		"observed":        map[string]any{"status": "success", "data": 6.0, "isStale": false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	// The server saw a read for every fetch but the cached one.
	var calls []string
	for _, r := range s.recorded() {
		calls = append(calls, r.Method+" "+r.Path)
	}
	wantCalls := []string{
		"GET /_actions/glue.Counter.Count",
		"POST /_actions/glue.Counter.Add",
		"GET /_actions/glue.Counter.Count",
		"POST /_actions/glue.Counter.Add",
		"GET /_actions/glue.Counter.Count",
	}
	if diff := cmp.Diff(wantCalls, calls); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}
