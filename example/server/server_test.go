package server

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/internal/shoptest"
)

// newDB returns a database of the test's own with the shop's shelf.
func newDB(t *testing.T) *sql.DB {
	t.Helper()
	db := shoptest.DB(t)
	if err := catalog.Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return db
}

func get(t *testing.T, h http.Handler, method, path, body string, cookies ...*http.Cookie) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	out, _ := io.ReadAll(w.Result().Body)
	return w.Result(), string(out)
}

func TestServes(t *testing.T) {
	h, err := New(Config{Web: "../web", DB: newDB(t), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	products := "/_actions/catalog.Store.ListProducts?args=" + url.QueryEscape(`[{"limit":2}]`)
	tests := []struct {
		method, path, body string
		status             int
		contentType        string
		contains           string
	}{
		{"GET", "/", "", 200, "text/html; charset=utf-8", `<script type="module" src="/assets/main.js">`},
		// The bundle holds the generated client, which names the actions.
		{"GET", "/assets/main.js", "", 200, "text/javascript; charset=utf-8", `"cart.Store.AddToCart"`},
		{"GET", "/assets/main.js.map", "", 200, "application/json", `"sources"`},
		{"GET", "/assets/style.css", "", 200, "text/css; charset=utf-8", ".card"},
		{"GET", "/assets/nothing.js", "", 404, "text/plain; charset=utf-8", "not found"},
		{"GET", "/index.html", "", 404, "text/plain; charset=utf-8", "not found"},
		{"GET", products, "", 200, "application/json; charset=utf-8", `"name":"Apples"`},
		{"POST", "/_actions/catalog.Store.GetProduct", `["pear"]`, 200, "application/json; charset=utf-8", `"name":"Pears"`},
		{"POST", "/_actions/cart.Store.AddToCart", `["c","honey",1]`, 412, "application/json; charset=utf-8", `"message":"Wildflower honey is sold out"`},
		{"POST", "/_actions/orders.CheckDelivery", `["nowhere"]`, 400, "application/json; charset=utf-8", `is not a postcode like 1012 AB"`},
		// The orders are for a signed-in customer only.
		{"POST", "/_actions/orders.Store.ListOrders", `[""]`, 401, "application/json; charset=utf-8", `{"code":"unauthenticated","message":"please sign in"}`},
		{"POST", "/_actions/orders.Store.PlaceOrder", `[{"cart":"c","name":"Ada","email":"ada@example.com","address":"","postcode":"","delivery":"pickup","note":null}]`,
			401, "application/json; charset=utf-8", `"unauthenticated"`},
	}
	for _, tt := range tests {
		res, body := get(t, h, tt.method, tt.path, tt.body)
		if res.StatusCode != tt.status || res.Header.Get("Content-Type") != tt.contentType || !strings.Contains(body, tt.contains) {
			t.Errorf("%s %s: %d %s %.200q\nwant %d %s with %q", tt.method, tt.path,
				res.StatusCode, res.Header.Get("Content-Type"), body, tt.status, tt.contentType, tt.contains)
		}
	}
	res, _ := get(t, h, "GET", "/", "")
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("the page's Content-Security-Policy is %q", csp)
	}
	// The product list is a read that the browser keeps for ten seconds.
	res, _ = get(t, h, "GET", products, "")
	if cc := res.Header.Get("Cache-Control"); cc != "private, max-age=10" || res.Header.Get("Etag") == "" {
		t.Errorf("the product list's Cache-Control is %q, its ETag %q", cc, res.Header.Get("Etag"))
	}
}

// TestSignedInOrders follows a customer who signs in, orders, and signs
// out, through the server's wiring: the session interceptor on the orders'
// actions and the cookie of the account's.
func TestSignedInOrders(t *testing.T) {
	h, err := New(Config{Web: "../web", DB: newDB(t), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	res, body := get(t, h, "POST", "/_actions/account.Store.SignIn", `[{"email":"ada@example.com","password":"correct horse"}]`)
	if res.StatusCode != 200 || len(res.Cookies()) != 1 {
		t.Fatalf("SignIn: %d %s, cookies %v", res.StatusCode, body, res.Cookies())
	}
	session := res.Cookies()[0]

	get(t, h, "POST", "/_actions/cart.Store.AddToCart", `["c","bread",2]`)
	res, body = get(t, h, "POST", "/_actions/orders.Store.PlaceOrder",
		`[{"cart":"c","name":"Ada","email":"ada@example.com","address":"","postcode":"","delivery":"pickup","note":null}]`, session)
	if res.StatusCode != 200 || !strings.Contains(body, `"id":"A-1001"`) {
		t.Fatalf("PlaceOrder: %d %s", res.StatusCode, body)
	}
	if _, body := get(t, h, "POST", "/_actions/orders.Store.ListOrders", `[""]`, session); !strings.Contains(body, `"total":1`) {
		t.Errorf("ListOrders signed in: %s", body)
	}

	res, _ = get(t, h, "POST", "/_actions/account.Store.SignOut", `[]`, session)
	if res.StatusCode != 204 || len(res.Cookies()) != 1 || res.Cookies()[0].MaxAge >= 0 {
		t.Errorf("SignOut: %d, cookies %v", res.StatusCode, res.Cookies())
	}
	if res, body := get(t, h, "POST", "/_actions/orders.Store.ListOrders", `[""]`, session); res.StatusCode != 401 {
		t.Errorf("ListOrders after signing out: %d %s", res.StatusCode, body)
	}
}

func TestLogCalls(t *testing.T) {
	var out shoptest.Log
	logger := slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{
		// No time, and a fixed duration: lines the test can compare.
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			switch a.Key {
			case slog.TimeKey:
				return slog.Attr{}
			case "took":
				return slog.String("took", "T")
			}
			return a
		},
	}))
	h, err := New(Config{Web: "../web", DB: newDB(t), Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	get(t, h, "POST", "/_actions/catalog.Store.GetProduct", `["pear"]`)
	get(t, h, "POST", "/_actions/cart.Store.AddToCart", `["c","honey",1]`)
	get(t, h, "POST", "/_actions/orders.Store.ListOrders", `[""]`)
	get(t, h, "POST", "/_actions/cart.Store.AddToCart", `["c","honey"]`) // refused before any interceptor runs

	// A stream's line comes when it ends: here, when the client leaves.
	srv := httptest.NewServer(h)
	defer srv.Close()
	ctx, cancel := context.WithCancel(t.Context())
	req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/_actions/catalog.Store.WatchStock", strings.NewReader("[]"))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	first := make([]byte, len("event: item"))
	io.ReadFull(res.Body, first)
	if string(first) != "event: item" || strings.Contains(out.String(), "WatchStock") {
		t.Fatalf("the stream began with %q, and the log has a line for it already:\n%s", first, out.String())
	}
	cancel()
	res.Body.Close()
	srv.Close() // waits for the handler to return

	want := `level=INFO msg=call action=catalog.Store.GetProduct took=T code=ok
level=INFO msg=call action=cart.Store.AddToCart took=T code=failed_precondition
level=INFO msg=call action=orders.Store.ListOrders took=T code=unauthenticated
level=INFO msg=call action=catalog.Store.WatchStock took=T code=aborted
`
	if got := out.String(); got != want {
		t.Errorf("the log:\n%s\nwant:\n%s", got, want)
	}
}

// TestBundleErrors checks that a frontend that does not build stops the
// server with esbuild's message, naming the file and line.
func TestBundleErrors(t *testing.T) {
	web := t.TempDir()
	src := filepath.Join(web, "src")
	os.Mkdir(src, 0o755)
	os.WriteFile(filepath.Join(web, "index.html"), []byte("<!doctype html>"), 0o644)
	os.WriteFile(filepath.Join(src, "style.css"), nil, 0o644)
	os.WriteFile(filepath.Join(src, "main.ts"), []byte("const a = ;\n"), 0o644)
	_, err := New(Config{Web: web, DB: newDB(t)})
	if err == nil || !strings.Contains(err.Error(), "main.ts:1:10") {
		t.Errorf("New with a broken main.ts: %v; want esbuild's error at main.ts:1:10", err)
	}
}

type requestIDKey struct{}

// TestMiddlewareValuesReachCalls checks what the README promises: a value
// that ordinary net/http middleware puts in the request's context is in
// the context of the call, which interceptors and actions get.
func TestMiddlewareValuesReachCalls(t *testing.T) {
	var got []any
	var mu sync.Mutex
	seen := func(next actions.Invoker) actions.Invoker {
		return func(ctx context.Context, call *actions.Call) (any, error) {
			mu.Lock()
			got = append(got, ctx.Value(requestIDKey{}))
			mu.Unlock()
			return next(ctx, call)
		}
	}
	h, err := New(Config{Web: "../web", DB: newDB(t), Logger: slog.New(slog.DiscardHandler),
		Actions: actions.Options{Interceptors: []actions.Interceptor{seen}}})
	if err != nil {
		t.Fatal(err)
	}
	withID := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, "req-1")))
	})
	get(t, withID, "POST", "/_actions/catalog.Store.GetProduct", `["pear"]`)
	get(t, withID, "POST", "/_actions/orders.Store.ListOrders", `[""]`)
	if len(got) != 2 || got[0] != "req-1" || got[1] != "req-1" {
		t.Errorf("the calls' contexts held %v, want the middleware's req-1 twice", got)
	}
}
