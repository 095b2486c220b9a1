package tsemit

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/emit/go/testdata/glue"
)

// filesDriver sends files up and gets one down through the generated client,
// and submits a form through placeOrderForm, as React's useActionState
// would call it.
const filesDriver = `import { configure } from "./gen/runtime.js";
import { placeOrderForm, receipt, upload } from "./gen/glue.js";
import { baseURL } from "./config.js";

configure({ baseURL });
const out: Record<string, unknown> = {};
out["upload"] = await upload("notes", new File(["hello, файл"], "notes.txt", { type: "text/plain" }));
out["uploadBlob"] = await upload("raw", new Blob([new Uint8Array(300 * 1024)]));
const r = await receipt(7);
out["download"] = { type: r.type, text: await r.text(), isBlob: r instanceof Blob };

const form = new FormData();
form.append("email", "a@b.c");
form.append("qty", "2");
form.append("gift", "on");
form.append("size", "L");
form.append("when", "2026-12-01");
form.append("tags", "x");
form.append("tags", "y");
form.append("photo", new File(["jpeg"], "me.jpg", { type: "image/jpeg" }));
const ok = await placeOrderForm(null, form);
out["form"] = { ok: ok.ok, result: ok.result, redirect: ok.redirect, values: ok.values };

const bad = new FormData();
bad.append("email", "");
bad.append("qty", "2");
bad.append("photo", new File([], ""));
const refused = await placeOrderForm(ok, bad);
out["refused"] = { ok: refused.ok, code: refused.error?.code, fieldErrors: refused.fieldErrors, values: refused.values };
const badNumber = new FormData();
badNumber.append("email", "a");
badNumber.append("qty", "many");
const nan = await placeOrderForm(null, badNumber);
out["badNumber"] = { ok: nan.ok, code: nan.error?.code, message: nan.error?.message };
console.log(JSON.stringify(out));
`

// TestFilesRoundTrip sends files both ways and a form through the
// generated client to the glue corpus's handler.
func TestFilesRoundTrip(t *testing.T) {
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, glue.Actions())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	prog := load(t, "github.com/actionsgo/actions/emit/go/testdata/glue")
	out := newNodeProject(t, prog, map[string][]byte{
		"main.ts":   []byte(filesDriver),
		"config.ts": []byte(fmt.Sprintf("export const baseURL = %q;\n", srv.URL)),
	}).run(t, "main.ts")
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("driver output is not JSON: %v\n%s", err, out)
	}
	want := map[string]any{
		"upload":     "notes notes.txt 15",
		"uploadBlob": fmt.Sprintf("raw blob %d", 300*1024),
		"download":   map[string]any{"type": "text/plain", "text": "paid", "isBlob": true},
		"form": map[string]any{
			"ok": true, "result": "a@b.c 2 true L 2026-12-01 [x y] 4", "redirect": "/orders/1",
			"values": map[string]any{"email": "a@b.c", "qty": "2", "gift": "on", "size": "L", "when": "2026-12-01", "tags": []any{"x", "y"}},
		},
		"refused": map[string]any{
			"ok": false, "code": "invalid_argument", "fieldErrors": map[string]any{"email": "is required"},
			"values": map[string]any{"email": "", "qty": "2"},
		},
		"badNumber": map[string]any{"ok": false, "code": "invalid_argument", "message": "argument c: want an integer that fits in int8 at /qty, got a string"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
}
