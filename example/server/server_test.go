package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, method, path, body string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	out, _ := io.ReadAll(w.Result().Body)
	return w.Result(), string(out)
}

func TestServes(t *testing.T) {
	h, err := New(Config{Web: "../web"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		method, path, body string
		status             int
		contentType        string
		contains           string
	}{
		{"GET", "/", "", 200, "text/html; charset=utf-8", `<script type="module" src="/assets/main.js">`},
		// The bundle holds the generated client, which names the actions.
		{"GET", "/assets/main.js", "", 200, "text/javascript; charset=utf-8", `"cart.AddToCart"`},
		{"GET", "/assets/main.js.map", "", 200, "application/json", `"sources"`},
		{"GET", "/assets/style.css", "", 200, "text/css; charset=utf-8", ".card"},
		{"GET", "/assets/nothing.js", "", 404, "text/plain; charset=utf-8", "not found"},
		{"GET", "/index.html", "", 404, "text/plain; charset=utf-8", "not found"},
		{"POST", "/_actions/catalog.GetProduct", `["pear"]`, 200, "application/json; charset=utf-8", `"name":"Pears"`},
		{"POST", "/_actions/cart.AddToCart", `["c","honey",1]`, 412, "application/json; charset=utf-8", `"message":"Wildflower honey is sold out"`},
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
	_, err := New(Config{Web: web})
	if err == nil || !strings.Contains(err.Error(), "main.ts:1:10") {
		t.Errorf("New with a broken main.ts: %v; want esbuild's error at main.ts:1:10", err)
	}
}
