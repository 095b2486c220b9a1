package actions_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/actionsgo/actions"
)

type product struct {
	ID    string            `json:"id"`
	Tags  map[string]string `json:"tags"`
	Price int               `json:"price"`
}

func readActions(ran *atomic.Int64) []actions.Action {
	list := func(ctx context.Context, args []any) (any, error) {
		ran.Add(1)
		q, page := *args[0].(*string), *args[1].(*int)
		// A map of several keys: its bytes, and so its ETag, must not
		// depend on map order.
		return []product{{ID: q, Price: page, Tags: map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}}}, nil
	}
	params := []actions.Parameter{actions.Param[string]("q"), actions.Param[int]("page")}
	return []actions.Action{
		{ID: "r.List", Params: params, Returns: true, Get: true, Cache: 30 * time.Second, Call: list},
		{ID: "r.Fresh", Params: params, Returns: true, Get: true, Call: list},
		{ID: "r.Write", Params: params, Returns: true, Call: list},
	}
}

func get(h http.Handler, method, id, query string, header map[string]string) *httptest.ResponseRecorder {
	target := "/_actions/" + id
	if query != "" {
		target += "?" + query
	}
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func args(json string) string { return "args=" + url.QueryEscape(json) }

func TestRead(t *testing.T) {
	var ran atomic.Int64
	h, err := actions.New(actions.Options{AllowedOrigins: []string{"https://app.example"}}, readActions(&ran))
	if err != nil {
		t.Fatal(err)
	}
	w := get(h, "GET", "r.List", args(`["tea",2]`), nil)
	etag := w.Header().Get("ETag")
	if w.Code != 200 || !strings.HasPrefix(w.Body.String(), `[{"id":"tea","tags":{"a":"1"`) || w.Header().Get("Cache-Control") != "private, max-age=30" || !strings.HasPrefix(etag, `"`) {
		t.Fatalf("GET: %d %s %v", w.Code, w.Body, w.Header())
	}
	for range 20 {
		if again := get(h, "GET", "r.List", args(`["tea",2]`), nil); again.Header().Get("ETag") != etag || again.Body.String() != w.Body.String() {
			t.Fatalf("the same read gave another ETag or body: %s %s", again.Header().Get("ETag"), again.Body)
		}
	}
	if other := get(h, "GET", "r.List", args(`["tea",3]`), nil); other.Header().Get("ETag") == etag {
		t.Error("another result has the same ETag")
	}
	for _, inm := range []string{etag, `"x", ` + etag, "W/" + etag, "*"} {
		nm := get(h, "GET", "r.List", args(`["tea",2]`), map[string]string{"If-None-Match": inm})
		if nm.Code != 304 || nm.Body.Len() != 0 || nm.Header().Get("ETag") != etag || nm.Header().Get("Cache-Control") != "private, max-age=30" {
			t.Errorf("If-None-Match %s: %d %q %v", inm, nm.Code, nm.Body, nm.Header())
		}
	}
	if hd := get(h, "HEAD", "r.List", args(`["tea",2]`), nil); hd.Code != 200 || hd.Body.Len() != 0 || hd.Header().Get("ETag") != etag {
		t.Errorf("HEAD: %d %q %v", hd.Code, hd.Body, hd.Header())
	}
	if fresh := get(h, "GET", "r.Fresh", args(`["tea",2]`), nil); fresh.Code != 200 || fresh.Header().Get("Cache-Control") != "private, no-cache" {
		t.Errorf("a read without cache=: %d %v", fresh.Code, fresh.Header())
	}
	// A POST of a read is an ordinary call.
	r := httptest.NewRequest("POST", "/_actions/r.List", strings.NewReader(`["tea",2]`))
	r.Header.Set("Content-Type", "application/json")
	pw := httptest.NewRecorder()
	h.ServeHTTP(pw, r)
	if pw.Code != 200 || pw.Header().Get("Cache-Control") != "no-store" || pw.Header().Get("ETag") != "" {
		t.Errorf("POST of a read: %d %v", pw.Code, pw.Header())
	}
	// An allowed origin may read, with CORS; the page's own origin too.
	if cors := get(h, "GET", "r.List", args(`["tea",2]`), map[string]string{"Origin": "https://app.example", "Sec-Fetch-Site": "cross-site"}); cors.Code != 200 || cors.Header().Get("Access-Control-Allow-Origin") != "https://app.example" {
		t.Errorf("GET from an allowed origin: %d %v", cors.Code, cors.Header())
	}
	if same := get(h, "GET", "r.List", args(`["tea",2]`), map[string]string{"Sec-Fetch-Site": "same-origin"}); same.Code != 200 {
		t.Errorf("GET from the same origin: %d", same.Code)
	}

	before := ran.Load()
	for _, tc := range []struct {
		name, method, id, query string
		header                  map[string]string
		status                  int
		msg                     string
	}{
		{"no args for two parameters", "GET", "r.List", "", nil, 400, `want 2 arguments (q, page), got 0`},
		{"bad JSON", "GET", "r.List", args(`["tea",`), nil, 400, `invalid JSON`},
		{"wrong type", "GET", "r.List", args(`["tea","2"]`), nil, 400, `argument page: want an integer`},
		{"too many", "GET", "r.List", args(`["tea",2,3]`), nil, 400, `got 3`},
		{"duplicate key", "GET", "r.List", args(`[{"a":1,"a":2},2]`), nil, 400, `argument q: duplicate member name at /a`},
		{"trailing data", "GET", "r.List", args(`["tea",2] x`), nil, 400, `unexpected data after the array`},
		{"unknown parameter", "GET", "r.List", args(`["tea",2]`) + "&x=1", nil, 400, `unknown query parameter`},
		{"args twice", "GET", "r.List", args(`["tea",2]`) + "&" + args(`["tea",2]`), nil, 400, `args 2 times`},
		{"args too long", "GET", "r.List", args(`["` + strings.Repeat("x", actions.MaxQueryBytes) + `",2]`), nil, 400, `longer than`},
		{"cross-site script", "GET", "r.List", args(`["tea",2]`), map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, 403, `cross-origin`},
		{"same-site script", "GET", "r.List", args(`["tea",2]`), map[string]string{"Sec-Fetch-Site": "same-site"}, 403, `cross-origin`},
		{"GET of an action that is not a read", "GET", "r.Write", args(`["tea",2]`), nil, 405, `only POST`},
		{"PUT of a read", "PUT", "r.List", "", nil, 405, `only GET, HEAD and POST`},
	} {
		w := get(h, tc.method, tc.id, tc.query, tc.header)
		if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.msg) {
			t.Errorf("%s: %d %s, want %d and %q", tc.name, w.Code, w.Body, tc.status, tc.msg)
		}
		if tc.name == "PUT of a read" && w.Header().Get("Allow") != "GET, HEAD, POST" {
			t.Errorf("Allow: %q", w.Header().Get("Allow"))
		}
	}
	if ran.Load() != before {
		t.Errorf("a refused read ran the action")
	}
}
