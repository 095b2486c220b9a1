package scan

import (
	"encoding/json/v2"
	"go/constant"
	"go/types"
	"slices"

	"github.com/actionsgo/actions/model"
)

// enumValues returns the exported constants of the defined scalar type t
// declared in its package, in source order, with their values written as
// encoding/json/v2 writes them. Unexported constants are left out: the
// client has no name for them; so is a string constant that is not valid
// UTF-8, which v2 can neither write nor read.
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
		lit, ok := jsonLiteral(c.Val(), t.Underlying().(*types.Basic))
		if !ok {
			continue // v2 never writes it, and refuses it when read
		}
		values = append(values, &model.EnumValue{Name: c.Name(), Value: lit, Doc: s.docOf(c)})
	}
	return values
}

// jsonLiteral writes a constant of basic type b as encoding/json/v2 writes
// a value of that type, or reports false when v2 refuses to write it (a
// string that is not valid UTF-8).
func jsonLiteral(v constant.Value, b *types.Basic) (string, bool) {
	var x any
	switch v.Kind() {
	case constant.Bool:
		x = constant.BoolVal(v)
	case constant.String:
		x = constant.StringVal(v)
	case constant.Int:
		if b.Info()&types.IsFloat == 0 {
			return v.ExactString(), true // exact, even beyond float64
		}
		f, _ := constant.Float64Val(v)
		x = f
	case constant.Float:
		f, _ := constant.Float64Val(v)
		x = f
	default:
		return v.ExactString(), true
	}
	if f, ok := x.(float64); ok && b.Kind() == types.Float32 {
		x = float32(f)
	}
	out, err := json.Marshal(x)
	if err != nil {
		return "", false
	}
	return string(out), true
}
