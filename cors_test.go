package actions

import (
	"net/http"
	"sync/atomic"
	"testing"
)

func TestCORS(t *testing.T) {
	var calls atomic.Int64
	h, err := New(Options{AllowedOrigins: []string{"https://app.example"}}, testActions(&calls))
	if err != nil {
		t.Fatal(err)
	}
	preflight := map[string]string{
		"Origin":                         "https://app.example",
		"Sec-Fetch-Site":                 "cross-site",
		"Access-Control-Request-Method":  "POST",
		"Access-Control-Request-Headers": "content-type, authorization",
	}
	res := serve(h, "OPTIONS", "/_actions/t.Ping", "", preflight)
	if res.status != http.StatusNoContent {
		t.Fatalf("preflight: %d %s", res.status, res.body)
	}
	for k, v := range map[string]string{
		"Access-Control-Allow-Origin":      "https://app.example",
		"Access-Control-Allow-Credentials": "true",
		"Access-Control-Allow-Methods":     "POST",
		"Access-Control-Allow-Headers":     "content-type, authorization",
		"Access-Control-Max-Age":           "600",
	} {
		if got := res.header.Get(k); got != v {
			t.Errorf("preflight %s: %q, want %q", k, got, v)
		}
	}

	preflight["Origin"] = "https://evil.example"
	if res := serve(h, "OPTIONS", "/_actions/t.Ping", "", preflight); res.status != 405 || res.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from another origin: %d %v", res.status, res.header)
	}

	res = serve(h, "POST", "/_actions/t.Ping", "[]", map[string]string{"Origin": "https://app.example", "Sec-Fetch-Site": "cross-site"})
	if res.status != 204 || res.header.Get("Access-Control-Allow-Origin") != "https://app.example" || res.header.Get("Vary") != "Origin" {
		t.Errorf("call from the allowed origin: %d %v", res.status, res.header)
	}
	res = serve(h, "POST", "/_actions/t.Ping", "[]", map[string]string{"Origin": "http://example.com"})
	if res.status != 204 || res.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("same-origin call: %d %v", res.status, res.header)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("%d calls, want the 2 POSTs", n)
	}
}
