package tsemit

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/internal/testkit"
	"github.com/actionsgo/actions/testdata/shapes"
)

// TestShapes calls every action of the shapes corpus from TypeScript,
// served by its generated glue: parameters arrive in order whatever their
// names (reserved words, unnamed, blank, a parameter named opts), and each
// result shape comes back as the client expects.
func TestShapes(t *testing.T) {
	prog := load(t, "github.com/actionsgo/actions/testdata/shapes")
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, shapes.Actions())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	out := newNodeProject(t, prog, map[string][]byte{
		"main.ts":   testkit.ReadFile(t, "testdata/roundtrip/shapes.ts"),
		"config.ts": []byte(fmt.Sprintf("export const baseURL = %q;\n", srv.URL)),
	}).run(t, "main.ts")
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("driver output is not JSON: %v\n%s", err, out)
	}
	want := map[string]any{
		"nothing":            "(undefined)",
		"contextOnly":        "(undefined)",
		"errorOnly":          "(undefined)",
		"fails":              map[string]any{"code": "internal", "status": 500.0, "message": "internal error", "hasID": true},
		"result":             "result",
		"resultError":        42.0,
		"oneParam":           "hello world",
		"severalParams":      "ababx,y",
		"severalParamsEmpty": "b",
		"unnamed":            true,
		"blank":              true,
		"grouped":            "label",
		"reserved":           "class",
		"search":             []any{"query"},
		"delete":             "(undefined)",
		"new":                "new",
		"getURL":             "/",
		"id":                 "id",
		"ping":               "pong",
		"fileLevelA":         42.0,
		"fileLevelB":         true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
}
