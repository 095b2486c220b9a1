package tsemit

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions/emit/go/testdata/glue"
)

// streamsDriver runs every way a stream can end through the generated
// stubs and prints what the loop saw, and what the server saw of the
// streams of Hold.
const streamsDriver = `import { configure } from "./gen/runtime.js";
import { lines, ticks } from "./gen/glue.js";
import { cut, fail, hold, items } from "./gen/live.js";
import { collect } from "./describe.js";
import { baseURL } from "./config.js";

configure({ baseURL });
const results: Record<string, unknown> = {};

// How the server saw the stream of Hold tagged tag end, once it has.
async function ended(tag: string): Promise<unknown> {
  const res = await fetch(baseURL + "/test/ended?tag=" + tag);
  return res.ok ? await res.json() : { error: await res.text() };
}

// 10,000 items, each checked: in order, none lost, texts whole across the
// chunks the body arrives in.
{
  const r = await collect(items(10000));
  let wrong = 0;
  r.items.forEach((it, i) => {
    if (it.n !== i || it.text !== i + ": é € 😀 \u2028 a\nb \"q\"") wrong++;
  });
  results["items"] = { count: r.items.length, wrong, end: r.end };
}
{
  const r = await collect(ticks(10000));
  results["ticks"] = { count: r.items.length, wrong: r.items.filter((v, i) => v !== i).length, end: r.end };
}

// Errors: one the action returns before its stream, ones its loop ends
// with after some items.
results["linesRefused"] = await collect(lines(true));
results["lines"] = await collect(lines(false));
results["fail"] = await collect(fail(3));

// Cut short: the server drops the connection; a response that ends
// without the end event.
results["cut"] = await collect(cut(5));
configure({ baseURL: baseURL + "/clean" });
results["cleanEnd"] = await collect(items(5));
configure({ baseURL });

// Leaving the loop early.
{
  const got: number[] = [];
  for await (const v of hold("break", 3)) {
    got.push(v);
    if (got.length == 3) break;
  }
  results["break"] = { items: got, server: await ended("break") };
}

// A signal: aborted while the server holds the stream, while items are
// still buffered, and before the call.
{
  const ctrl = new AbortController();
  const r = await collect(hold("signal", 3, { signal: ctrl.signal }), (_, n) => n == 3 && ctrl.abort());
  results["signal"] = { ...r, server: await ended("signal") };
}
{
  const ctrl = new AbortController();
  const r = await collect(items(10000, { signal: ctrl.signal }), (_, n) => n == 3 && ctrl.abort());
  results["signalBuffered"] = { count: r.items.length, end: r.end };
}
results["signalBefore"] = await collect(hold("before", 1, { signal: AbortSignal.abort() }));

// A timeout: the server ends the stream when the action's time is up.
{
  const r = await collect(hold("timeout", 2, { timeoutMs: 200 }));
  results["timeout"] = { ...r, server: await ended("timeout") };
}
console.log(JSON.stringify(results));
`

// TestStreams runs stream stubs of the live package and the glue corpus
// against the handler: long streams arrive whole and in order; an error
// before or during a stream is an ActionError with the action's code; a
// stream cut short is an ActionError "unavailable", never a short result;
// leaving the loop, aborting the signal and timeoutMs end the action's
// context on the server and run the iterator's cleanup.
func TestStreams(t *testing.T) {
	s, srv := newLiveServer(t, glue.NewCounter("streams"))
	out := liveProject(t, srv, streamsDriver, nil).run(t, "main.ts")
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("driver output is not JSON: %v\n%s", err, out)
	}
	actionError := func(code string, status int, message string, hasID bool) any {
		return map[string]any{"actionError": map[string]any{"code": code, "status": float64(status), "message": message, "hasID": hasID}}
	}
	abortError := map[string]any{"other": "AbortError"}
	unavailable := actionError("unavailable", 200, "the stream was cut short before its end", false)
	numbers := func(n int) []any {
		out := []any{}
		for i := range n {
			out = append(out, float64(i))
		}
		return out
	}
	want := map[string]any{
		"items":        map[string]any{"count": 10000.0, "wrong": 0.0, "end": "end"},
		"ticks":        map[string]any{"count": 10000.0, "wrong": 0.0, "end": "end"},
		"linesRefused": map[string]any{"items": []any{}, "end": actionError("failed_precondition", 412, "no lines today", false)},
		"lines":        map[string]any{"items": []any{"one"}, "end": actionError("aborted", 200, "cut", false)},
		"fail":         map[string]any{"items": numbers(3), "end": actionError("internal", 200, "internal error", true)},
		"cut":          map[string]any{"items": numbers(5), "end": unavailable},
		"cleanEnd": map[string]any{
			"items": []any{map[string]any{"n": 0.0, "text": "a"}, map[string]any{"n": 1.0, "text": "b"}},
			"end":   unavailable,
		},
		"break": map[string]any{
			"items":  numbers(3),
			"server": map[string]any{"sent": 3.0, "cleanup": true, "canceled": "context canceled"},
		},
		"signal": map[string]any{
			"items":  numbers(3),
			"end":    abortError,
			"server": map[string]any{"sent": 3.0, "cleanup": true, "canceled": "context canceled"},
		},
		"signalBuffered": map[string]any{"count": 3.0, "end": abortError},
		"signalBefore":   map[string]any{"items": []any{}, "end": abortError},
		"timeout": map[string]any{
			"items":  numbers(2),
			"end":    actionError("deadline_exceeded", 200, "the call ran out of time", false),
			"server": map[string]any{"sent": 2.0, "cleanup": true, "canceled": "context deadline exceeded"},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	holds := 0
	for _, r := range s.recorded() {
		if r.Method != "POST" || r.Query != "" {
			t.Errorf("a stream was called with %s %s?%s, want a POST", r.Method, r.Path, r.Query)
		}
		if r.Path == "/_actions/live.Hold" {
			holds++
		}
	}
	// The call whose signal was aborted before it is never sent.
	if holds != 3 {
		t.Errorf("the server saw %d calls of live.Hold, want 3", holds)
	}
}
