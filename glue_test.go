package actions_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/testdata/shapes"
	"github.com/actionsgo/actions/testdata/types"
)

// TestGeneratedGlue serves the generated glue of the shared corpus over a
// real connection and calls it as the TypeScript client does.
func TestGeneratedGlue(t *testing.T) {
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, types.Actions(), shapes.Actions())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	tests := []struct {
		id, body string
		status   int
		want     string // the body, or for errors its start
	}{
		{"types.EchoItem", `[{"sku":"a","quantity":2,"price":1.5}]`, 200, `{"sku":"a","quantity":2,"price":1.5}`},
		{"types.EchoItem", `[{"SKU":"a"}]`, 400, `{"code":"invalid_argument","message":"argument v: unknown member \"SKU\" (names are case-sensitive)"}`},
		{"types.EchoPointer", `[null]`, 200, `null`},
		{"types.EchoMoney", `["12.34"]`, 200, `"12.34"`},
		{"types.EchoMoney", `["12"]`, 400, `{"code":"invalid_argument","message":"argument v: not a valid value"}`},
		{"types.EchoSignUp", `[{"email":"a@b"}]`, 200, `{"email":"a@b"}`},
		{"types.EchoSignUp", `[{"email":""}]`, 400, `{"code":"invalid_argument","message":"argument v: email is required"}`},
		{"types.EchoRange", `[{"from":1,"to":2}]`, 200, `{"from":1,"to":2}`},
		{"types.EchoRange", `[{"from":2,"to":1}]`, 400, `{"code":"invalid_argument","message":"argument v: range ends before it starts"}`},
		{"types.EchoEmbedding", `[{"id":"i","region":"r"}]`, 200, `{"id":"i"`},
		{"shapes.Nothing", ``, 204, ``},
		{"shapes.Fails", `[]`, 500, `{"code":"internal","message":"internal error","id":"`},
		{"shapes.SeveralParams", `[1,"b",["c"]]`, 200, ``},
		{"shapes.SeveralParams", `[1,"b"]`, 400, `{"code":"invalid_argument","message":"want 3 arguments (a, b, c), got 2"}`},
		{"shapes.SeveralParams", `[1,2,["c"]]`, 400, `{"code":"invalid_argument","message":"argument b: want a string, got a number"}`},
		{"types.EchoItem", `[null]`, 400, `{"code":"invalid_argument","message":"argument v: want an object, got null"}`},
		{"types.EchoSlice", `[null]`, 400, `{"code":"invalid_argument","message":"argument v: want an array, got null"}`},
		{"types.EchoSlice", `[[]]`, 200, `[]`},
	}
	for _, tc := range tests {
		res, err := http.Post(srv.URL+"/_actions/"+tc.id, "application/json", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.status || !strings.HasPrefix(string(body), tc.want) {
			t.Errorf("%s %s: got %d %s, want %d %s", tc.id, tc.body, res.StatusCode, body, tc.status, tc.want)
		}
	}
}
