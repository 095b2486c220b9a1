// Package connectbench serves the benchmark's functions with connect-go, the
// way a connect user writes them: on the proto messages of
// proto/bench.proto, reached with the Connect protocol's JSON codec.
//
// The generated files under gen/ are remade with protoc and the two plugins
// whose versions bench/Makefile pins (make proto).
package connectbench

import (
	"context"
	"net/http"

	"connectrpc.com/connect"

	benchv1 "github.com/actionsgo/actions/bench/connectbench/gen/benchv1"
	"github.com/actionsgo/actions/bench/connectbench/gen/benchv1/benchv1connect"
)

// service does what package app's functions do, on proto messages.
type service struct{}

func (service) Small(ctx context.Context, _ *connect.Request[benchv1.SmallRequest]) (*connect.Response[benchv1.SmallResponse], error) {
	return connect.NewResponse(&benchv1.SmallResponse{Value: "pong"}), nil
}

func (service) Medium(ctx context.Context, req *connect.Request[benchv1.MediumRequest]) (*connect.Response[benchv1.Item], error) {
	item := req.Msg.GetItem()
	if item == nil {
		item = &benchv1.Item{}
	}
	item.Quantity += req.Msg.GetCount()
	item.Owner = req.Msg.GetNote()
	return connect.NewResponse(item), nil
}

func (service) Large(ctx context.Context, req *connect.Request[benchv1.Items]) (*connect.Response[benchv1.Items], error) {
	for _, it := range req.Msg.GetItems() {
		it.Quantity++
	}
	return connect.NewResponse(req.Msg), nil
}

// Handler returns a mux serving the service at its Connect path,
// /bench.v1.BenchService/<Method>.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle(benchv1connect.NewBenchServiceHandler(service{}))
	return mux
}
