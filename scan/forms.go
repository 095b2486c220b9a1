package scan

import (
	"encoding/json/v2"
	"go/token"

	"github.com/actionsgo/actions/model"
)

// reachesFile reports whether a parameter of a holds a file anywhere, so
// that the action takes multipart calls.
func (s *scanner) reachesFile(a *model.Action) bool {
	seen := map[*model.Named]bool{}
	var visit func(t *model.Type) bool
	visit = func(t *model.Type) bool {
		if t == nil {
			return false
		}
		switch t.Kind {
		case model.KindFile:
			return true
		case model.KindNamed:
			n := s.lookup(t)
			if n == nil || seen[n] {
				return false
			}
			seen[n] = true
			if visit(n.Type) {
				return true
			}
		}
		if visit(t.Elem) || visit(t.Key) {
			return true
		}
		for _, f := range t.Fields {
			if visit(f.Type) {
				return true
			}
		}
		for _, arg := range t.TypeArgs {
			if visit(arg) {
				return true
			}
		}
		return false
	}
	for _, p := range a.Params {
		if visit(p.Type) {
			return true
		}
	}
	return false
}

// lookup returns the declaration a KindNamed reference names.
func (s *scanner) lookup(t *model.Type) *model.Named {
	if info, ok := s.named[t.Pkg+"."+t.Name]; ok {
		return info.model
	}
	return nil
}

// formFields describes the fields of a form action's one struct parameter
// as a form sends them, reporting at their positions the fields a form
// cannot fill. It reports whether every field can be.
func (s *scanner) formFields(a *model.Action, pos token.Pos) ([]*model.FormField, bool) {
	name := goName(a)
	if len(a.Params) != 1 {
		s.errorf(pos, "%s: form: a form action takes one struct parameter (after an optional context.Context), whose fields are the form's inputs", name)
		return nil, false
	}
	st := a.Params[0].Type
	if st.Kind == model.KindNamed {
		if len(st.TypeArgs) > 0 {
			s.errorf(pos, "%s: form: the parameter's type is generic; declare a struct of the form's fields", name)
			return nil, false
		}
		if n := s.lookup(st); n != nil {
			st = n.Type
		}
	}
	if st == nil || st.Kind != model.KindStruct {
		s.errorf(pos, "%s: form: parameter %s is not a struct; a form's inputs fill the fields of a struct", name, a.Params[0].Name)
		return nil, false
	}
	fields := []*model.FormField{}
	ok := true
	for _, f := range st.Fields {
		ff, why := s.formField(f)
		if why != "" {
			s.diags = append(s.diags, Diagnostic{Pos: f.Pos, Message: name + ": form: field " + f.GoName + " " + why})
			ok = false
			continue
		}
		fields = append(fields, ff)
	}
	return fields, ok
}

// formField describes one struct field as a form fills it, or says why a
// form cannot.
func (s *scanner) formField(f *model.Field) (*model.FormField, string) {
	ff := &model.FormField{Name: f.Name, Pos: f.Pos, Optional: f.Optional}
	t := f.Type
	if t.Kind == model.KindPointer {
		ff.Optional, t = true, t.Elem
	}
	if t.Kind == model.KindSlice {
		ff.Multiple, t = true, t.Elem
	}
	var enum []*model.EnumValue
	if t.Kind == model.KindNamed && len(t.TypeArgs) == 0 {
		if n := s.lookup(t); n != nil {
			t = n.Type
			if !n.Open {
				enum = n.Enum // an open enum takes any text
			}
		}
	}
	switch t.Kind {
	case model.KindString:
		ff.Kind = model.FormString
	case model.KindBool:
		ff.Kind = model.FormBool
	case model.KindInt:
		ff.Kind, ff.Bits = model.FormInt, t.Bits
		if t.Unsigned {
			ff.Kind = model.FormUint
		}
	case model.KindFloat:
		ff.Kind, ff.Bits = model.FormFloat, t.Bits
	case model.KindTime:
		ff.Kind = model.FormTime
	case model.KindFile:
		ff.Kind = model.FormFile
	default:
		return nil, "has a type that no form input sends: a form fills strings, booleans, numbers, enums, times and files, one or (as a slice) several of a name"
	}
	if f.Quoted {
		return nil, "has the string option, which a form has no use for: its inputs are all text"
	}
	for _, e := range enum {
		text := e.Value
		var str string
		if json.Unmarshal([]byte(e.Value), &str) == nil {
			text = str
		}
		ff.Enum = append(ff.Enum, text)
	}
	return ff, ""
}
