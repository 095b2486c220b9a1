package tsemit

import (
	"context"
	"reflect"

	"github.com/actionsgo/actions"
)

// corpusActions: development shim until the glue is committed.
func corpusActions() []actions.Action {
	var out []actions.Action
	for name := range samples {
		typ := typeOf(name)
		out = append(out, actions.Action{ID: "types." + name, Params: []string{"v"}, Returns: true, Call: func(ctx context.Context, args *actions.Args) (any, error) {
			p := reflect.New(typ)
			if err := args.Decode(p.Interface()); err != nil {
				return nil, err
			}
			return p.Interface(), nil
		}})
	}
	return out
}
