package actions_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/actionsgo/actions"
)

// cartActions stands for the Actions function that the generator writes
// into a package cart with one action:
//
//	//actions:server
//	func AddToCart(ctx context.Context, sku string, qty int) (int, error)
func cartActions() []actions.Action {
	return []actions.Action{{
		ID:      "cart.AddToCart",
		Params:  []actions.Parameter{actions.Param[string]("sku"), actions.Param[int]("qty")},
		Returns: true,
		Call: func(ctx context.Context, args []any) (any, error) {
			sku, qty := *args[0].(*string), *args[1].(*int)
			if sku != "tea" {
				return nil, actions.Errorf(actions.CodeNotFound, "no item %q", sku)
			}
			return qty + 1, nil
		},
	}}
}

func ExampleNewHandler() {
	mux := http.NewServeMux()
	mux.Handle("/_actions/", actions.NewHandler(cartActions()))

	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, body := range []string{`["tea", 2]`, `["coffee", 1]`, `["tea"]`} {
		res, err := http.Post(srv.URL+"/_actions/cart.AddToCart", "application/json", strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		out, _ := io.ReadAll(res.Body)
		res.Body.Close()
		fmt.Println(res.StatusCode, string(out))
	}
	// Output:
	// 200 3
	// 404 {"code":"not_found","message":"no item \"coffee\""}
	// 400 {"code":"invalid_argument","message":"want 2 arguments (sku, qty), got 1"}
}

func ExampleNew() {
	h, err := actions.New(actions.Options{
		AllowedOrigins: []string{"https://app.example.com"},
		MaxBodyBytes:   64 << 10,
	}, cartActions(), cartActions())
	fmt.Println(h, err)
	// Output:
	// <nil> actions: two actions have the ID "cart.AddToCart"
}
