package actions

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type item struct {
	SKU string `json:"sku"`
	Qty int    `json:"qty"`
}

func TestBasicCall(t *testing.T) {
	h := NewHandler([]Action{{
		ID: "cart.Add", Params: []string{"item", "n"}, Returns: true,
		Call: func(ctx context.Context, args *Args) (any, error) {
			var it item
			var n int
			if err := args.Decode(&it); err != nil {
				return nil, err
			}
			if err := args.Decode(&n); err != nil {
				return nil, err
			}
			it.Qty += n
			return it, nil
		},
	}})
	for _, tc := range []struct {
		body, want string
		status     int
	}{
		{`[{"sku":"a","qty":1},2]`, `{"sku":"a","qty":3}`, 200},
		{`[{"sku":"a","qty":1}]`, `{"code":"invalid_argument","message":"want 2 arguments (item, n), got 1"}`, 400},
		{`[{"sku":"a","x":1},2]`, `{"code":"invalid_argument","message":"argument item: json: unknown field \"x\""}`, 400},
	} {
		r := httptest.NewRequest("POST", "/_actions/cart.Add", strings.NewReader(tc.body))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != tc.status || w.Body.String() != tc.want {
			t.Errorf("%s: got %d %s, want %d %s", tc.body, w.Code, w.Body, tc.status, tc.want)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/_actions/cart.Add", nil))
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "POST" {
		t.Errorf("GET: got %d Allow=%q", w.Code, w.Header().Get("Allow"))
	}
}
