package example_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/internal/testkit"
)

// notCalled are the operations of web/openapi.json that the OpenAPI test
// leaves out, each with the reason.
var notCalled = map[string]string{
	"catalog.Store.WatchStock": "a stream: it answers text/event-stream, which openapi-fetch does not read",
}

// TestOpenAPIClient proves the document the shop's users get, the committed
// web/openapi.json: a client that openapi-typescript and openapi-fetch make
// from it type-checks, under strict settings, against the driver
// web/e2e/openapi_fetch.ts, which calls every operation of the document but
// those in notCalled, through it and through the generated client
// (web/src/gen), and both get the same outcomes. The two clients shop on
// two servers, each with a database of its own, step by step with the same
// calls, so that both servers go through the same states; the cookies of
// the sign-in are carried by the driver for each client, as Node's fetch
// keeps none.
//
// The outcomes are compared as JSON, with the generated client's Dates
// written back as Go writes a time (the runtime's toWire); each such result
// must equal the JSON the generated client received, and each of its times
// must be written as Go writes one. The times themselves are the two
// servers' clocks, so they are compared within what two calls made at once
// may differ by (timeFields) and then left out, and so is the time of
// placing in the receipt's text.
func TestOpenAPIClient(t *testing.T) {
	node, root := needNode(t)
	openapiTS := filepath.Join(root, "emit", "openapi", "testdata", "node", "node_modules", ".bin", "openapi-typescript")
	if _, err := os.Stat(openapiTS); err != nil {
		t.Fatalf("openapi-typescript is not installed (%v): run make test, or npm ci in %s", err, root)
	}
	doc, err := os.ReadFile(filepath.Join("web", "openapi.json"))
	if err != nil {
		t.Fatal(err)
	}
	ops := operations(t, doc)

	dir := t.TempDir()
	testkit.WriteFile(t, dir, "openapi.json", doc)
	gen, err := filepath.Glob(filepath.Join("web", "src", "gen", "*.ts"))
	if err != nil || len(gen) == 0 {
		t.Fatalf("the generated client in web/src/gen: %v (%d files)", err, len(gen))
	}
	for _, f := range gen {
		testkit.WriteFile(t, filepath.Join(dir, "gen"), filepath.Base(f), testkit.ReadFile(t, f))
	}
	testkit.WriteFile(t, dir, "main.ts", testkit.ReadFile(t, filepath.Join("web", "e2e", "openapi_fetch.ts")))
	client, openapi := serveShop(t, actions.Options{}), serveShop(t, actions.Options{})
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the generated client's server's log:\n%s", client.log.String())
			t.Logf("the OpenAPI client's server's log:\n%s", openapi.log.String())
		}
	})
	testkit.WriteFile(t, dir, "config.ts", fmt.Appendf(nil, "export const clientURL = %q;\nexport const openapiURL = %q;\n",
		strings.TrimSuffix(client.url, "/"), strings.TrimSuffix(openapi.url, "/")))
	testkit.WriteFile(t, dir, "package.json", []byte(`{"type": "module"}`+"\n"))
	testkit.WriteFile(t, dir, "tsconfig.json", []byte(`{
  "compilerOptions": {
    "target": "es2022", "module": "nodenext", "moduleResolution": "nodenext",
    "strict": true, "exactOptionalPropertyTypes": true, "noUncheckedIndexedAccess": true,
    "noEmit": true, "verbatimModuleSyntax": true, "lib": ["es2022", "dom", "dom.iterable"], "types": []
  },
  "include": ["*.ts", "gen/*.ts"]
}
`))
	if err := os.Symlink(filepath.Join(root, "node_modules"), filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	// The document is valid OpenAPI 3.1, by the validator the emitter's
	// tests use on their corpus.
	testkit.WriteFile(t, dir, "validate.mjs", []byte(`import { Validator } from "@seriousme/openapi-schema-validator";
const v = new Validator({ strict: true });
const res = await v.validate("openapi.json");
console.log(JSON.stringify({ valid: res.valid, version: v.version, errors: res.errors }));
`))
	var valid struct {
		Valid   bool
		Version string
		Errors  any
	}
	if out := testkit.Run(t, dir, node, "validate.mjs"); json.Unmarshal([]byte(out), &valid) != nil || !valid.Valid || valid.Version != "3.1" {
		t.Fatalf("web/openapi.json is not valid OpenAPI 3.1 (version %q): %v\n%s", valid.Version, valid.Errors, out)
	}
	testkit.Run(t, dir, openapiTS, "openapi.json", "--output", "api.ts")
	testkit.Run(t, dir, node, filepath.Join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json", "--pretty", "false")
	testkit.Run(t, dir, filepath.Join(root, "node_modules", ".bin", "esbuild"), "--bundle", "--format=esm", "--platform=node", "--log-level=warning", "--outfile=out.mjs", "main.ts")
	out := testkit.Run(t, dir, node, "out.mjs")

	var got struct {
		Steps []struct {
			Name, Want      string
			Client, OpenAPI outcome
		}
		Requests struct{ Client, OpenAPI []string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("the driver's output: %v\n%s", err, out)
	}

	// Every operation is called, by the OpenAPI client as the document has
	// it, and every action by the generated client (which reads a get
	// action by GET only).
	wantOps, wantActions := map[string]bool{}, map[string]bool{}
	for _, id := range ops {
		if _, skip := notCalled[actionOf(id)]; !skip {
			wantOps[id], wantActions[actionOf(id)] = true, true
		}
	}
	for id := range notCalled {
		if !slices.Contains(slices.Collect(maps.Values(ops)), id) {
			t.Errorf("notCalled has %s, which the document does not have", id)
		}
	}
	calledOps, calledActions := map[string]bool{}, map[string]bool{}
	for _, r := range got.Requests.OpenAPI {
		id, ok := ops[r]
		if !ok {
			t.Errorf("the OpenAPI client requested %s, which is no operation of the document", r)
		}
		calledOps[id] = true
	}
	for _, r := range got.Requests.Client {
		id, ok := ops[r]
		if !ok {
			t.Errorf("the generated client requested %s, which is no operation of the document", r)
		}
		calledActions[actionOf(id)] = true
	}
	if diff := cmp.Diff(wantOps, calledOps); diff != "" {
		t.Errorf("the operations the OpenAPI client called (-want +called):\n%s", diff)
	}
	if diff := cmp.Diff(wantActions, calledActions); diff != "" {
		t.Errorf("the actions the generated client called (-want +called):\n%s", diff)
	}

	byName := map[string]outcome{}
	for _, s := range got.Steps {
		if _, dup := byName[s.Name]; dup {
			t.Errorf("two steps are named %q", s.Name)
		}
		byName[s.Name] = s.OpenAPI
		for who, o := range map[string]outcome{"generated": s.Client, "OpenAPI": s.OpenAPI} {
			if c := o.code(); c != s.Want {
				t.Errorf("%s, through the %s client: %s, want %s\n%s", s.Name, who, c, s.Want, o)
			}
		}
		// The generated client's result, its Dates written back, is the
		// JSON it received.
		if s.Client.Wire != nil {
			if diff := cmp.Diff(s.Client.Wire, s.Client.OK); diff != "" {
				t.Errorf("%s: the generated client's result, written back, is not the JSON it received (-received +written back):\n%s", s.Name, diff)
			}
		}
		clientTimes, openapiTimes := map[string]time.Time{}, map[string]time.Time{}
		c, o := normalize(t, s.Name, s.Client.value(), "", clientTimes), normalize(t, s.Name, s.OpenAPI.value(), "", openapiTimes)
		if diff := cmp.Diff(c, o); diff != "" {
			t.Errorf("%s: the OpenAPI client got another outcome than the generated one (-generated +openapi):\n%s", s.Name, diff)
		}
		for at, ct := range clientTimes {
			ot, ok := openapiTimes[at]
			field := at[strings.LastIndex(at, ".")+1:]
			if d := ct.Sub(ot).Abs(); !ok || d > timeFields[field] {
				t.Errorf("%s: %s is %s through the generated client, %s through the OpenAPI client", s.Name, at, ct, ot)
			}
		}
	}

	// A few results, to see that the steps did what they say.
	for _, c := range []struct {
		step string
		path []string
		want any
	}{
		{"me, signed in", []string{"email"}, "ada@example.com"},
		{"me, signed out again", nil, nil},
		{"add to cart", []string{"count"}, 1.0},
		{"place order", []string{"id"}, "A-1001"},
		{"place order", []string{"total"}, 680.0},
		{"orders", []string{"total"}, 1.0},
		{"product, after the order", []string{"stock"}, 0.0},
		{"receipt", []string{"type"}, "text/plain;charset=utf-8"},
		{"receipt", []string{"disposition"}, "attachment; filename=receipt-A-1001.txt"},
	} {
		v := byName[c.step].OK
		for _, k := range c.path {
			m, _ := v.(map[string]any)
			v = m[k]
		}
		if v != c.want {
			t.Errorf("%s: %v is %#v, want %#v", c.step, c.path, v, c.want)
		}
	}
	if r, _ := byName["receipt"].OK.(map[string]any); !strings.HasPrefix(fmt.Sprint(r["text"]), "Corner Shop\nReceipt for order A-1001\n") {
		t.Errorf("receipt: %q", r["text"])
	}
}

// outcome is the driver's record of one call: its result (with the JSON
// the generated client received for it), or its error.
type outcome struct {
	OK    any `json:"ok,omitempty"`
	Wire  any `json:"wire,omitempty"`
	Error *struct {
		Code    string `json:"code"`
		Status  int    `json:"status"`
		Message string `json:"message"`
		Details any    `json:"details,omitempty"`
		HasID   bool   `json:"hasID"`
	} `json:"error,omitempty"`
}

func (o outcome) code() string {
	if o.Error != nil {
		return o.Error.Code
	}
	return "ok"
}

// value is what the two clients must agree on: the result or the error,
// not the JSON received.
func (o outcome) value() any {
	if o.Error != nil {
		return map[string]any{"error": *o.Error}
	}
	return map[string]any{"ok": o.OK}
}

func (o outcome) String() string {
	b, _ := json.Marshal(o)
	return string(b)
}

// timeFields are the members of the shop's results that hold a time
// (Cart.updatedAt, Order.placedAt, DeliveryOption.arrives), with how far
// apart the two servers may have them: the time of the call, or for
// arrives that time rounded to an hour or to a day, which the two calls,
// made at once, may fall on either side of.
var timeFields = map[string]time.Duration{
	"updatedAt": time.Minute,
	"placedAt":  time.Minute,
	"arrives":   24*time.Hour + time.Minute,
}

// placed is the time of placing in a receipt's text.
var placed = regexp.MustCompile(`Placed \d{1,2} [A-Z][a-z]+ \d{4} \d{2}:\d{2} UTC`)

// normalize returns v, as JSON decodes it, with each time replaced by
// "(time)", after checking that it is written as Go writes a time, and
// keeping it in times by its path; and with the time of placing in a
// receipt replaced so.
func normalize(t *testing.T, step string, v any, path string, times map[string]time.Time) any {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			s, isString := x.(string)
			if _, isTime := timeFields[k]; isTime && isString {
				tm, err := time.Parse(time.RFC3339Nano, s)
				if err != nil || tm.UTC().Format(time.RFC3339Nano) != s {
					t.Errorf("%s: %s.%s is %q, not a UTC time as Go writes one (%v)", step, path, k, s, err)
				}
				times[path+"."+k] = tm
				out[k] = "(time)"
				continue
			}
			out[k] = normalize(t, step, x, path+"."+k, times)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = normalize(t, step, x, fmt.Sprintf("%s[%d]", path, i), times)
		}
		return out
	case string:
		return placed.ReplaceAllString(v, "Placed (time)")
	}
	return v
}

// operations returns the operations of an OpenAPI document, their
// operationId by "METHOD path".
func operations(t *testing.T, doc []byte) map[string]string {
	t.Helper()
	var d struct {
		Paths map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		t.Fatal(err)
	}
	ops := map[string]string{}
	for path, item := range d.Paths {
		for method, op := range item {
			var o struct{ OperationID string }
			if err := json.Unmarshal(op, &o); err != nil || o.OperationID == "" {
				t.Fatalf("%s %s: no operationId (%v)", method, path, err)
			}
			ops[strings.ToUpper(method)+" "+path] = o.OperationID
		}
	}
	if len(ops) < 10 {
		t.Fatalf("the document has %d operations", len(ops))
	}
	return ops
}

// actionOf returns the action of an operation: a get action's GET is
// "<id>:get".
func actionOf(operationID string) string {
	id, _ := strings.CutSuffix(operationID, ":get")
	return id
}
