// Package dispatch puts the servers of the benchmark side by side: the
// generated handler, the hand-written floor, huma and connect-go, each with
// the request that calls it for each payload.
package dispatch

import (
	"encoding/json/v2"
	"fmt"
	"net/http"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/bench/app"
	"github.com/actionsgo/actions/bench/connectbench"
	benchv1 "github.com/actionsgo/actions/bench/connectbench/gen/benchv1"
	"github.com/actionsgo/actions/bench/floor"
	"github.com/actionsgo/actions/bench/humabench"
)

// Payloads and Servers name the benchmarks, in the order tables show them.
var (
	Payloads = []string{"small", "medium", "large"}
	Servers  = []string{"actions", "floor-v2", "floor-strict", "floor", "huma", "connect"}
)

// Call is one prepared request: where it goes and what it carries.
type Call struct {
	Path   string
	Body   []byte
	Header http.Header
}

// Server is one way of serving the payloads.
type Server struct {
	Name    string
	Handler http.Handler
	Calls   map[string]Call // by payload
}

// MediumNote and MediumCount are the scalar arguments of the medium call.
const (
	MediumNote  = "gift wrap"
	MediumCount = 3
)

// NewServers returns every server with its calls.
func NewServers() ([]*Server, error) {
	item := app.SampleItem(1)
	items := app.SampleItems(app.LargeCount)
	jsonHeader := http.Header{"Content-Type": {"application/json"}}

	actionsBodies, err := marshalAll(
		[]any{},
		[]any{item, MediumCount, MediumNote},
		[]any{items},
	)
	if err != nil {
		return nil, err
	}
	actionsCalls := map[string]Call{
		"small":  {"/_actions/app.Small", actionsBodies[0], jsonHeader},
		"medium": {"/_actions/app.Medium", actionsBodies[1], jsonHeader},
		"large":  {"/_actions/app.Large", actionsBodies[2], jsonHeader},
	}

	humaBodies, err := marshalAll(
		nil,
		map[string]any{"item": item, "count": MediumCount, "note": MediumNote},
		items,
	)
	if err != nil {
		return nil, err
	}
	humaCalls := map[string]Call{
		"small":  {"/huma/small", nil, jsonHeader},
		"medium": {"/huma/medium", humaBodies[1], jsonHeader},
		"large":  {"/huma/large", humaBodies[2], jsonHeader},
	}

	connectHeader := http.Header{"Content-Type": {"application/json"}, "Connect-Protocol-Version": {"1"}}
	pbItems := &benchv1.Items{}
	for _, it := range items {
		pbItems.Items = append(pbItems.Items, ToProto(it))
	}
	connectBodies := make([][]byte, 3)
	for i, m := range []proto.Message{
		&benchv1.SmallRequest{},
		&benchv1.MediumRequest{Item: ToProto(item), Count: MediumCount, Note: MediumNote},
		pbItems,
	} {
		if connectBodies[i], err = protojson.Marshal(m); err != nil {
			return nil, err
		}
	}
	connectCalls := map[string]Call{
		"small":  {"/bench.v1.BenchService/Small", connectBodies[0], connectHeader},
		"medium": {"/bench.v1.BenchService/Medium", connectBodies[1], connectHeader},
		"large":  {"/bench.v1.BenchService/Large", connectBodies[2], connectHeader},
	}

	generated, err := actions.New(actions.Options{}, app.Actions())
	if err != nil {
		return nil, err
	}
	return []*Server{
		{"actions", generated, actionsCalls},
		{"floor-v2", floor.V2, actionsCalls},
		{"floor-strict", floor.Strict, actionsCalls},
		{"floor", floor.V1, actionsCalls},
		{"huma", humabench.Handler(), humaCalls},
		{"connect", connectbench.Handler(), connectCalls},
	}, nil
}

// marshalAll writes the request bodies as the runtime's codec writes them,
// with map keys in order so that every run sends the same bytes.
func marshalAll(vs ...any) ([][]byte, error) {
	out := make([][]byte, len(vs))
	for i, v := range vs {
		if v == nil {
			continue
		}
		b, err := json.Marshal(v, actions.JSONOptions(), json.Deterministic(true))
		if err != nil {
			return nil, fmt.Errorf("payload %d: %v", i, err)
		}
		out[i] = b
	}
	return out, nil
}

// ToProto converts an app.Item to its proto message.
func ToProto(it app.Item) *benchv1.Item {
	return &benchv1.Item{
		Id:        it.ID,
		Name:      it.Name,
		Price:     it.Price,
		Quantity:  int64(it.Quantity),
		Active:    it.Active,
		Tags:      it.Tags,
		Attrs:     it.Attrs,
		CreatedAt: timestamppb.New(it.CreatedAt),
		Discount:  it.Discount,
		Owner:     it.Owner,
	}
}

// FromProto converts a proto item back to an app.Item.
func FromProto(it *benchv1.Item) app.Item {
	return app.Item{
		ID:        it.GetId(),
		Name:      it.GetName(),
		Price:     it.GetPrice(),
		Quantity:  int(it.GetQuantity()),
		Active:    it.GetActive(),
		Tags:      it.GetTags(),
		Attrs:     it.GetAttrs(),
		CreatedAt: it.GetCreatedAt().AsTime(),
		Discount:  it.Discount,
		Owner:     it.GetOwner(),
	}
}
