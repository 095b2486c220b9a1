package tsemit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/model"
)

// probeProgram declares the actions of probeActions, for the runtime test.
func probeProgram() *model.Program {
	const path = "example.com/probe"
	return &model.Program{Packages: []*model.Package{{
		Path: path, Name: "probe", Key: "probe",
		Actions: []*model.Action{
			{ID: "probe.Echo", Name: "Echo", TSName: "echo", Params: []*model.Param{{Name: "s", TSName: "s", Type: tString}}, Result: tString},
			{ID: "probe.Nothing", Name: "Nothing", TSName: "nothing"},
			{ID: "probe.Missing", Name: "Missing", TSName: "missing", Error: true},
			{ID: "probe.Broken", Name: "Broken", TSName: "broken", Error: true},
			{ID: "probe.Wait", Name: "Wait", TSName: "wait", Context: true, Error: true},
		},
	}}}
}

// probeServer serves the probe actions, written by hand as the Go glue
// would be, and records what the client sent.
type probeServer struct {
	started  chan struct{} // closed when Wait has started
	canceled chan error    // receives Wait's ctx.Err() when its context ends
	mu       sync.Mutex
	requests []probeRequest
}

type probeRequest struct {
	Method, Path, ContentType, Authorization, Trace, Body string
}

func newProbeServer(t *testing.T) (*probeServer, *httptest.Server) {
	p := &probeServer{started: make(chan struct{}), canceled: make(chan error, 1)}
	decodeNone := func(ctx context.Context, args []any) (any, error) { return nil, nil }
	probeActions := []actions.Action{
		{ID: "probe.Echo", Params: []actions.Parameter{actions.Param[string]("s")}, Returns: true, Call: func(ctx context.Context, args []any) (any, error) {
			return *args[0].(*string), nil
		}},
		{ID: "probe.Nothing", Call: decodeNone},
		{ID: "probe.Missing", Call: func(ctx context.Context, args []any) (any, error) {
			return nil, &actions.Error{Code: actions.CodeNotFound, Message: `no item "x"`, Details: map[string]string{"item": "x"}}
		}},
		{ID: "probe.Broken", Call: func(ctx context.Context, args []any) (any, error) {
			return nil, errors.New("a secret the client must not see")
		}},
		{ID: "probe.Wait", Call: func(ctx context.Context, args []any) (any, error) {
			close(p.started)
			select {
			case <-ctx.Done():
				p.canceled <- ctx.Err()
			case <-time.After(20 * time.Second):
				p.canceled <- errors.New("the context was not canceled in 20s")
			}
			return nil, ctx.Err()
		}},
	}
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, probeActions)
	if err != nil {
		t.Fatal(err)
	}
	// The same actions mounted at another prefix, which the client is
	// configured with.
	prefixed, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler), Prefix: "/api/rpc/"}, probeActions)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/_actions/", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		p.mu.Lock()
		p.requests = append(p.requests, probeRequest{r.Method, r.URL.Path, r.Header.Get("Content-Type"), r.Header.Get("Authorization"), r.Header.Get("X-Trace"), string(body)})
		p.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		h.ServeHTTP(w, r)
	})
	mux.Handle("/api/rpc/", prefixed)
	mux.HandleFunc("/test/started", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-p.started:
		case <-time.After(20 * time.Second):
			http.Error(w, "Wait did not start", http.StatusGatewayTimeout)
		}
	})
	mux.HandleFunc("/proxy/_actions/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		io.WriteString(w, "<html>bad gateway</html>")
	})
	mux.HandleFunc("/html/_actions/", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<html>a login page</html>")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return p, srv
}

const runtimeDriver = `import { configure } from "./gen/runtime.js";
import { broken, echo, missing, nothing } from "./gen/probe.js";
import { attempt } from "./attempt.js";
import { baseURL } from "./config.js";

const results: Record<string, unknown> = {};
configure({ baseURL, headers: { Authorization: "Bearer t", "X-Trace": "configured" } });
results["echo"] = await attempt(() => echo("héllo \u2028 \"quoted\""));
results["nothing"] = await attempt(() => nothing());
results["missing"] = await attempt(() => missing());
results["broken"] = await attempt(() => broken());
results["perCall"] = await attempt(() => echo("h", { headers: { "X-Trace": "call" } }));

configure({ baseURL: baseURL + "/", prefix: "/api/rpc/" });
results["prefix"] = await attempt(() => echo("p"));
configure({ baseURL: baseURL + "/proxy/" });
results["notJSON"] = await attempt(() => echo("x"));
configure({ baseURL: baseURL + "/html" });
results["okNotJSON"] = await attempt(() => echo("x"));
configure({ baseURL: "http://127.0.0.1:1" });
results["network"] = await attempt(() => echo("x"));
console.log(JSON.stringify(results));
`

// abortDriver starts a call of the blocking action, waits until the server
// runs it, then aborts it.
const abortDriver = `import { configure } from "./gen/runtime.js";
import { wait } from "./gen/probe.js";
import { attempt } from "./attempt.js";
import { baseURL } from "./config.js";

configure({ baseURL });
const ctrl = new AbortController();
const waiting = attempt(() => wait({ signal: ctrl.signal }));
const started = await fetch(baseURL + "/test/started");
if (!started.ok) throw new Error("the action did not start: " + (await started.text()));
ctrl.abort();
console.log(JSON.stringify(await waiting));
`

// attemptTS runs a call and describes its outcome as JSON the Go test
// compares.
const attemptTS = `import { ActionError } from "./gen/runtime.js";

export async function attempt(f: () => Promise<unknown>): Promise<unknown> {
  try {
    const v = await f();
    return { ok: v === undefined ? "(undefined)" : v };
  } catch (err) {
    if (err instanceof ActionError) {
      return { actionError: { name: err.name, code: err.code, status: err.status, message: err.message, details: err.details, hasID: typeof err.id == "string" && err.id.length > 0, ownKeys: Object.keys(err).sort() } };
    }
    return { other: { name: (err as Error).name } };
  }
}
`

// probeProject writes the generated probe client with the driver as
// main.ts, for the server srv.
func probeProject(t *testing.T, srv *httptest.Server, driver string) *nodeProject {
	return newNodeProject(t, probeProgram(), map[string][]byte{
		"main.ts":    []byte(driver),
		"attempt.ts": []byte(attemptTS),
		"config.ts":  []byte(fmt.Sprintf("export const baseURL = %q;\n", srv.URL)),
	})
}

// TestRuntime runs the generated client against a real handler and checks
// every outcome of a call: results, 204, errors of the wire protocol,
// responses that are not, and a network failure.
func TestRuntime(t *testing.T) {
	p, srv := newProbeServer(t)
	out := probeProject(t, srv, runtimeDriver).run(t, "main.ts")
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("driver output is not JSON: %v\n%s", err, out)
	}
	actionError := func(code string, status int, message string, details any, hasID bool, keys ...string) any {
		e := map[string]any{
			"name": "ActionError", "code": code, "status": float64(status), "message": message,
			"hasID": hasID, "ownKeys": toAny(keys),
		}
		if details != nil {
			e["details"] = details
		}
		return map[string]any{"actionError": e}
	}
	want := map[string]any{
		"echo":      map[string]any{"ok": "héllo \u2028 \"quoted\""},
		"nothing":   map[string]any{"ok": "(undefined)"},
		"missing":   actionError("not_found", 404, `no item "x"`, map[string]any{"item": "x"}, false, "code", "details", "name", "status"),
		"broken":    actionError("internal", 500, "internal error", nil, true, "code", "id", "name", "status"),
		"perCall":   map[string]any{"ok": "h"},
		"prefix":    map[string]any{"ok": "p"},
		"notJSON":   actionError("unknown", 502, "HTTP 502", nil, false, "code", "name", "status"),
		"okNotJSON": actionError("unknown", 200, "the response is not JSON", nil, false, "code", "name", "status"),
		"network":   map[string]any{"other": map[string]any{"name": "TypeError"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}

	p.mu.Lock()
	defer p.mu.Unlock()
	wantReqs := []probeRequest{
		{"POST", "/_actions/probe.Echo", "application/json", "Bearer t", "configured", "[\"héllo \u2028 \\\"quoted\\\"\"]"},
		{"POST", "/_actions/probe.Nothing", "application/json", "Bearer t", "configured", `[]`},
		{"POST", "/_actions/probe.Missing", "application/json", "Bearer t", "configured", `[]`},
		{"POST", "/_actions/probe.Broken", "application/json", "Bearer t", "configured", `[]`},
		{"POST", "/_actions/probe.Echo", "application/json", "Bearer t", "call", `["h"]`},
	}
	if diff := cmp.Diff(wantReqs, p.requests); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// TestAbort aborts a call with an AbortSignal while the action runs: the
// call must reject as fetch does (an AbortError, not an ActionError), and
// the action's context must be canceled on the server.
func TestAbort(t *testing.T) {
	p, srv := newProbeServer(t)
	out := probeProject(t, srv, abortDriver).run(t, "main.ts")
	var got any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("driver output is not JSON: %v\n%s", err, out)
	}
	want := map[string]any{"other": map[string]any{"name": "AbortError"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcome of the aborted call (-want +got):\n%s", diff)
	}
	select {
	case err := <-p.canceled:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("the action's context ended with %v, want context.Canceled", err)
		}
	case <-time.After(20 * time.Second):
		t.Error("the action's context was not canceled")
	}
}

// timeoutDriver calls the blocking action with a timeout of 50ms.
const timeoutDriver = `import { configure } from "./gen/runtime.js";
import { wait } from "./gen/probe.js";
import { attempt } from "./attempt.js";
import { baseURL } from "./config.js";

configure({ baseURL });
console.log(JSON.stringify(await attempt(() => wait({ timeoutMs: 50 }))));
`

// TestTimeout calls an action that waits on its context with
// CallOptions.timeoutMs: the server must see the deadline (the action's
// context ends with context.DeadlineExceeded, not after 20s) and the call
// must reject with an ActionError of code deadline_exceeded.
func TestTimeout(t *testing.T) {
	p, srv := newProbeServer(t)
	out := probeProject(t, srv, timeoutDriver).run(t, "main.ts")
	var got any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("driver output is not JSON: %v\n%s", err, out)
	}
	want := map[string]any{"actionError": map[string]any{
		"name": "ActionError", "code": "deadline_exceeded", "status": float64(504),
		"message": "the call ran out of time", "hasID": false,
		"ownKeys": []any{"code", "name", "status"},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcome of the call with a timeout (-want +got):\n%s", diff)
	}
	select {
	case err := <-p.canceled:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("the action's context ended with %v, want context.DeadlineExceeded", err)
		}
	case <-time.After(20 * time.Second):
		t.Error("the action's context did not end")
	}
}
