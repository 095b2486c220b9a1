package scan

import (
	"go/types"
	"strings"

	"github.com/actionsgo/actions/model"
)

// goFields lists the fields of the struct st (whose type is t) as declared
// in Go, for the glue to spell an anonymous struct: two struct types are
// identical only when names, types, embedding and tags all match.
//
// wire is what structFields found; a field that is also a direct JSON
// member keeps that description. The others (unexported, json:"-", hidden,
// embedded) are described for spelling only, without declaring the named
// types they refer to, since nothing of them travels. A field whose type
// the model cannot describe (a channel, a function, an interface with
// methods) gets a nil Type; in an anonymous struct that is reported, as the
// glue could not spell the struct.
func (s *scanner) goFields(t types.Type, st *types.Struct, wire []*model.Field, r *reach, path string) []*model.GoField {
	if st.NumFields() == 0 {
		return nil
	}
	direct := map[string]*model.Type{}
	for _, f := range wire {
		if !strings.Contains(f.GoName, ".") {
			direct[f.GoName] = f.Type
		}
	}
	_, anonymous := types.Unalias(t).(*types.Struct)
	out := make([]*model.GoField, st.NumFields())
	for i := range st.NumFields() {
		v := st.Field(i)
		f := &model.GoField{Name: v.Name(), Embedded: v.Embedded(), Tag: st.Tag(i)}
		if typ, ok := direct[v.Name()]; ok && v.Exported() {
			f.Type = typ
		} else if typ, ok := s.goType(v.Type()); ok {
			f.Type = typ
		} else if anonymous {
			r.unspellable(joinPath(path, v.Name()), s.typeString(v.Type()),
				"which the generated code cannot write out in an anonymous struct",
				"declare a named struct type for it")
		}
		out[i] = f
	}
	return out
}

// goType describes t for its Go spelling only, or returns ok false when the
// model has no way to write it. Named types outside the standard library
// become references that are not declared in the Program.
func (s *scanner) goType(t types.Type) (mt *model.Type, ok bool) {
	t = types.Unalias(t)
	switch t := t.(type) {
	case *types.TypeParam:
		return &model.Type{Kind: model.KindTypeParam, Name: t.Obj().Name()}, true
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil {
			return nil, false // error
		}
		if mt := special(obj.Pkg().Path(), obj.Name()); mt != nil {
			return mt, true
		}
		if s.isStd(obj.Pkg().Path()) {
			var discard reach
			return s.stdNamed(t, &discard, ""), true
		}
		mt := &model.Type{Kind: model.KindNamed, Pkg: obj.Pkg().Path(), Name: obj.Name()}
		args := t.TypeArgs()
		for i := range args.Len() {
			a, ok := s.goType(args.At(i))
			if !ok {
				return nil, false
			}
			mt.TypeArgs = append(mt.TypeArgs, a)
		}
		return mt, true
	}
	elem := func(kind model.Kind, e types.Type) (*model.Type, bool) {
		et, ok := s.goType(e)
		return &model.Type{Kind: kind, Elem: et}, ok
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if mt := basic(u); mt != nil {
			return mt, true
		}
	case *types.Pointer:
		return elem(model.KindPointer, u.Elem())
	case *types.Slice:
		if isByte(u.Elem()) {
			return &model.Type{Kind: model.KindBytes, Go: "[]byte"}, true
		}
		return elem(model.KindSlice, u.Elem())
	case *types.Array:
		at, ok := elem(model.KindArray, u.Elem())
		at.Len, at.Base64 = u.Len(), isByte(u.Elem())
		return at, ok
	case *types.Map:
		key, ok := s.goType(u.Key())
		mt, elemOK := elem(model.KindMap, u.Elem())
		mt.Key = key
		return mt, ok && elemOK
	case *types.Struct:
		mt := &model.Type{Kind: model.KindStruct}
		var discard reach
		mt.GoFields = s.goFields(u, u, nil, &discard, "")
		for _, f := range mt.GoFields {
			if f.Type == nil {
				return nil, false
			}
		}
		return mt, true
	case *types.Interface:
		if u.Empty() {
			return &model.Type{Kind: model.KindAny, Go: "any"}, true
		}
	}
	return nil, false
}
