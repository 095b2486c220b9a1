// Package humabench serves app's functions with huma v2 typed handlers on
// the standard library's ServeMux, configured as huma's documentation starts
// a service (huma.DefaultConfig).
package humabench

import (
	"context"
	"net/http"

	"github.com/actionsgo/actions/bench/app"
	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
)

type smallOutput struct {
	Body string
}

type mediumInput struct {
	Body struct {
		Item  app.Item `json:"item"`
		Count int      `json:"count"`
		Note  string   `json:"note"`
	}
}

type itemOutput struct {
	Body app.Item
}

type itemsBody struct {
	Body []app.Item
}

// Handler returns the huma API serving POST /huma/small, /huma/medium and
// /huma/large.
func Handler() http.Handler {
	mux := http.NewServeMux()
	api := humago.New(mux, huma.DefaultConfig("bench", "1.0.0"))
	huma.Register(api, huma.Operation{OperationID: "small", Method: http.MethodPost, Path: "/huma/small"},
		func(ctx context.Context, _ *struct{}) (*smallOutput, error) {
			s, err := app.Small(ctx)
			if err != nil {
				return nil, err
			}
			return &smallOutput{Body: s}, nil
		})
	huma.Register(api, huma.Operation{OperationID: "medium", Method: http.MethodPost, Path: "/huma/medium"},
		func(ctx context.Context, in *mediumInput) (*itemOutput, error) {
			it, err := app.Medium(ctx, in.Body.Item, in.Body.Count, in.Body.Note)
			if err != nil {
				return nil, err
			}
			return &itemOutput{Body: it}, nil
		})
	huma.Register(api, huma.Operation{OperationID: "large", Method: http.MethodPost, Path: "/huma/large"},
		func(ctx context.Context, in *itemsBody) (*itemsBody, error) {
			out, err := app.Large(ctx, in.Body)
			if err != nil {
				return nil, err
			}
			return &itemsBody{Body: out}, nil
		})
	return mux
}
