package scan

import (
	"bytes"
	"encoding/json"
	"go/constant"
	"go/types"
	"slices"
	"strconv"

	"github.com/actionsgo/actions/model"
)

// enumValues returns the exported constants of the defined scalar type t
// declared in its package, in source order, with their values written as
// encoding/json writes them. Unexported constants are left out: the client
// has no name for them.
func (s *scanner) enumValues(t *types.Named) []*model.EnumValue {
	scope := t.Obj().Pkg().Scope()
	var consts []*types.Const
	for _, name := range scope.Names() {
		c, ok := scope.Lookup(name).(*types.Const)
		if ok && c.Exported() && types.Identical(c.Type(), t) {
			consts = append(consts, c)
		}
	}
	slices.SortFunc(consts, func(a, b *types.Const) int {
		return comparePos(s.position(a.Pos()), s.position(b.Pos())) // lines suffice
	})
	var values []*model.EnumValue
	for _, c := range consts {
		values = append(values, &model.EnumValue{
			Name:  c.Name(),
			Value: jsonLiteral(c.Val(), t.Underlying().(*types.Basic)),
			Doc:   s.docOf(c),
		})
	}
	return values
}

// jsonLiteral writes a constant of basic type b as encoding/json would
// write a value of that type (without HTML escaping, which changes nothing
// but the spelling).
func jsonLiteral(v constant.Value, b *types.Basic) string {
	var x any
	switch v.Kind() {
	case constant.Bool:
		x = constant.BoolVal(v)
	case constant.String:
		x = constant.StringVal(v)
	case constant.Int:
		if b.Info()&types.IsFloat == 0 {
			return v.ExactString() // exact, even beyond float64
		}
		f, _ := constant.Float64Val(v)
		x = f
	case constant.Float:
		f, _ := constant.Float64Val(v)
		x = f
	default:
		return v.ExactString()
	}
	if f, ok := x.(float64); ok && b.Kind() == types.Float32 {
		x = float32(f)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return strconv.Quote(v.ExactString())
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}
