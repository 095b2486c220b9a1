package scan

import (
	"cmp"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/actionsgo/actions/model"
)

// member is a struct field as encoding/json/v2's makeStructFields finds it:
// a JSON member, or an embedded fallback.
type member struct {
	opts   tagOptions
	index  []int    // field indexes from the outer struct, as in reflect
	goPath []string // Go field names along index
	v      *types.Var
	tag    reflect.StructTag
	viaPtr bool // reached through an embedded pointer, which may be nil
}

// depth is how many structs deep the field is declared.
func (m member) depth() int { return len(m.index) }

// structProblem is a field that makes v2 refuse its struct at run time.
type structProblem struct {
	v    *types.Var
	msg  string
	hint string // what would work instead, or ""
}

// emptyStruct is a struct v2 refuses at run time because it has fields but
// none it can send and no json tag (errNoExportedFields).
type emptyStruct struct {
	goPath []string // from the outer struct; empty for the struct itself
	typ    types.Type
}

// members is what v2 makes of a struct type.
type members struct {
	fields   []member // the JSON members, in depth-first order
	fallback *member  // the dominant embedded fallback, or nil
	problems []structProblem
	empty    []emptyStruct
}

// level is a struct to visit in the breadth-first walk, found embedded at
// some depth.
type level struct {
	typ           types.Type
	st            *types.Struct
	index         []int
	goPath        []string
	visitChildren bool // whether to walk the structs embedded in this one
	viaPtr        bool
}

// jsonMembers describes the struct st (whose type is t) as v2's
// makeStructFields does: a breadth-first walk of embedded structs (Go
// embedding without a JSON name, or the embed option) where, for each
// name, the shallowest field wins, then the one named by its tag, and
// names still tied are dropped. It also collects everything for which v2
// refuses the whole struct at run time, by the field at fault.
func jsonMembers(t types.Type, st *types.Struct) *members {
	out := &members{}
	faulty := map[*types.Var]bool{}
	hinted := func(v *types.Var, hint, format string, args ...any) {
		if !faulty[v] { // the first problem of a field is enough
			faulty[v] = true
			out.problems = append(out.problems, structProblem{v, fmt.Sprintf(format, args...), hint})
		}
	}
	problem := func(v *types.Var, format string, args ...any) { hinted(v, "", format, args...) }
	var all, fallbacks []member
	queue := []level{{typ: t, st: st, visitChildren: true}}
	var seen typeutil.Map
	seen.Set(t, true)
	for qi := 0; qi < len(queue); qi++ {
		qe := queue[qi]
		namesIndex := map[string]*types.Var{} // JSON names of this struct's own members
		var fallbackField *types.Var          // this struct's own embedded fallback
		hasAnyTag, hasAnyField := false, false
		for i := range qe.st.NumFields() {
			v := qe.st.Field(i)
			tag := reflect.StructTag(qe.st.Tag(i))
			_, hasTag := tag.Lookup("json")
			hasAnyTag = hasAnyTag || hasTag
			opts, ignored, msg := parseTag(v.Name(), v.Exported(), v.Embedded(), tag)
			if msg != "" {
				hint := ""
				if tag.Get("json") == "-," {
					hint = `to name the member "-", give it an option: json:"-,case:strict"`
				}
				hinted(v, hint, "%s", msg)
			}
			if ignored {
				continue
			}
			hasAnyField = true
			f := member{
				opts:   opts,
				index:  append(slices.Clone(qe.index), i),
				goPath: append(slices.Clone(qe.goPath), v.Name()),
				v:      v,
				tag:    tag,
				viaPtr: qe.viaPtr,
			}
			ft, isPtr := indirect(v.Type())
			_, isStruct := ft.Underlying().(*types.Struct)
			if v.Embedded() && !opts.hasName {
				if isStruct {
					f.opts.embed = true
				} else {
					hinted(v, fmt.Sprintf("json:%q, or json:%q to leave it out", v.Name(), "-"),
						"an embedded field of a non-struct type needs a JSON name in its json tag")
				}
			}

			handleField := func() {
				if !v.Exported() {
					if !v.Embedded() || !isStruct {
						problem(v, "an unexported field can only be a JSON member when it embeds a struct")
						return
					}
					// v2 cannot call the methods of an unexported field.
					if hasCodecMethods(ft) || f.opts.omitzero && hasIsZero(ft) {
						problem(v, "the type %s of this unexported embedded field has methods that encoding/json/v2 cannot call on it", typeName(ft))
						return
					}
				}
				if other, dup := namesIndex[f.opts.name]; dup {
					problem(v, "fields %s and %s have the same JSON name %q", other.Name(), v.Name(), f.opts.name)
				}
				namesIndex[f.opts.name] = v
				all = append(all, f)
				if f.opts.format != "" {
					hinted(v, "give the field a type with its own MarshalJSON and UnmarshalJSON methods instead",
						"its json tag has the `format` option, which Go 1.27's encoding/json/v2 supports for no type")
				}
			}
			if !f.opts.embed {
				handleField()
				continue
			}

			// An embedded struct, map[~string]T or jsontext.Value: zero
			// or more members of the outer struct.
			if o := f.opts; o.hasName || o.caseRule != "" || o.omitzero || o.omitempty || o.quoted || o.format != "" {
				problem(v, "an embedded field (Go embedding without a JSON name, or the `embed` option) takes no other json tag option")
				if o.hasName {
					handleField()
					continue
				}
				f.opts = tagOptions{name: o.name, embed: true}
			}
			if hasCodecMethods(ft) && !isJSONTextValue(ft) {
				problem(v, "its type %s has marshal or unmarshal methods, so encoding/json/v2 cannot embed its members; give the field a JSON name in its json tag", typeName(ft))
			}
			if isStruct {
				if qe.visitChildren {
					queue = append(queue, level{
						typ: ft, st: ft.Underlying().(*types.Struct), index: f.index, goPath: f.goPath,
						visitChildren: seen.At(ft) == nil, viaPtr: qe.viaPtr || isPtr,
					})
				}
				seen.Set(ft, true)
				continue
			}
			if !v.Exported() {
				problem(v, "an embedded map or jsontext.Value must be an exported field")
				continue
			}
			if m, ok := ft.Underlying().(*types.Map); ok && isStringKind(m.Key()) {
				if hasCodecMethods(m.Key()) {
					problem(v, "the keys of an embedded map must be strings without marshal or unmarshal methods")
					handleField()
					continue
				}
			} else if !isJSONTextValue(ft) {
				problem(v, "the `embed` option needs a struct, a map with string keys or jsontext.Value, not %s", typeName(ft))
				handleField()
				continue
			}
			if fallbackField != nil {
				problem(v, "fields %s and %s cannot both be an embedded map or jsontext.Value", fallbackField.Name(), v.Name())
			}
			fallbackField = v
			fallbacks = append(fallbacks, f)
		}
		if qe.st.NumFields() > 0 && !hasAnyTag && !hasAnyField {
			out.empty = append(out.empty, emptyStruct{goPath: qe.goPath, typ: qe.typ})
		}
	}
	out.fields = dominantFields(all)
	// The shallowest fallback holds the unknown members, unless another
	// one is as shallow: then neither does.
	if n := len(fallbacks); n == 1 || n > 1 && fallbacks[0].depth() != fallbacks[1].depth() {
		out.fallback = &fallbacks[0]
	}
	return out
}

// indirect follows one unnamed pointer, as Go embedding allows *T and v2
// follows it for embedding.
func indirect(t types.Type) (types.Type, bool) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		return types.Unalias(p.Elem()), true
	}
	return t, false
}

// isStringKind reports whether t is of a string kind.
func isStringKind(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// isJSONTextValue reports whether t is jsontext.Value (json.RawMessage is
// an alias of it).
func isJSONTextValue(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "encoding/json/jsontext" && n.Obj().Name() == "Value"
}

// typeName writes t for a message, packages by name.
func typeName(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// dominantFields keeps, for each JSON name, the field v2 writes: the
// shallowest, then the one named by its tag; a name still tied is dropped
// without a word, as v2 does. The result is in index order.
func dominantFields(fields []member) []member {
	slices.SortStableFunc(fields, func(a, b member) int {
		return cmp.Or(
			strings.Compare(a.opts.name, b.opts.name),
			cmp.Compare(a.depth(), b.depth()),
			boolFirst(a.opts.hasName, b.opts.hasName),
		)
	})
	var out []member
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].opts.name == fields[i].opts.name {
			j++
		}
		group := fields[i:j]
		if len(group) == 1 || group[0].depth() != group[1].depth() || group[0].opts.hasName != group[1].opts.hasName {
			out = append(out, group[0])
		}
		i = j
	}
	slices.SortFunc(out, func(a, b member) int { return slices.Compare(a.index, b.index) })
	return out
}

// boolFirst orders true before false.
func boolFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// structFields describes the JSON members of the struct st (whose type is
// t), and its embedded fallback if it has one, reporting what v2 would
// refuse at run time: at the field for a field of the user's code, with
// the field path for a struct of the standard library.
func (s *scanner) structFields(t types.Type, st *types.Struct, r *reach, path string) ([]*model.Field, *model.Field) {
	ms := jsonMembers(t, st)
	for _, p := range ms.problems {
		msg := p.msg + "; encoding/json/v2 refuses the struct at run time"
		if p.hint != "" {
			msg += " (" + p.hint + ")"
		}
		s.fieldProblem(p.v, msg, r, path)
	}
	for _, e := range ms.empty {
		hint := `export a field, or tag one json:"-" to send it as {}`
		if n, ok := types.Unalias(e.typ).(*types.Named); ok && n.Obj().Pkg() != nil && s.isStd(n.Obj().Pkg().Path()) {
			hint = ""
		}
		r.refused(joinPath(path, strings.Join(e.goPath, ".")), s.typeString(e.typ),
			"which encoding/json/v2 refuses: it has fields but none that can be sent, and no json tag", hint)
	}
	out := make([]*model.Field, 0, len(ms.fields))
	for _, f := range ms.fields {
		goName := strings.Join(f.goPath, ".")
		mf := &model.Field{
			Name:      f.opts.name,
			GoName:    goName,
			Type:      s.walk(f.v.Type(), r, joinPath(path, goName)),
			OmitEmpty: f.opts.omitempty,
			OmitZero:  f.opts.omitzero,
			Case:      f.opts.caseRule,
			Optional:  s.optional(f),
			Quoted:    f.opts.quoted && s.quoted(f.v, r, path),
			TSType:    cmp.Or(f.tag.Get("ts_type"), f.tag.Get("tstype")),
		}
		mf.Pos, mf.Doc = s.declared(f.v.Pos(), f.v.Name())
		out = append(out, mf)
	}
	var fallback *model.Field
	if f := ms.fallback; f != nil {
		goName := strings.Join(f.goPath, ".")
		ft, _ := indirect(f.v.Type())
		values := ft // jsontext.Value: any JSON
		if m, ok := ft.Underlying().(*types.Map); ok {
			values = m.Elem()
		}
		fallback = &model.Field{GoName: goName, Type: s.walk(values, r, joinPath(path, goName))}
		fallback.Pos, fallback.Doc = s.declared(f.v.Pos(), f.v.Name())
	}
	return out, fallback
}

// fieldProblem reports msg about the field v once: at the field, or, for a
// field of the standard library (which the user cannot change and whose
// position means nothing to them), where the action reaches it.
func (s *scanner) fieldProblem(v *types.Var, msg string, r *reach, path string) {
	if v.Pkg() != nil && s.isStd(v.Pkg().Path()) {
		r.refused(joinPath(path, v.Name()), s.typeString(v.Type()), "which encoding/json/v2 refuses: "+msg, "")
		return
	}
	pos, _ := s.declared(v.Pos(), v.Name())
	key := fmt.Sprint(pos, msg)
	if s.reported[key] {
		return
	}
	s.reported[key] = true
	s.diags = append(s.diags, Diagnostic{Pos: pos, Message: "field " + v.Name() + ": " + msg})
}

// optional reports whether v2 may leave the member f out: omitzero (any
// value can be zero, whether the type says so with IsZero or not),
// omitempty on a type that can encode as null, "", [] or {}, or a field
// promoted through an embedded pointer that may be nil.
func (s *scanner) optional(f member) bool {
	return f.viaPtr || f.opts.omitzero || f.opts.omitempty && s.canBeEmpty(f.v.Type())
}

// canBeEmpty reports whether some value of t encodes as null, "", [] or
// {}, so that omitempty can leave it out: a string, a slice, a map, a
// pointer or an interface, an array of length 0, a struct whose members
// may all be left out, and a type whose own methods write it (they may
// write an empty value). Numbers, booleans, time.Time (never an empty
// string) and time.Duration (a number, as the runtime writes it) never
// are. A type parameter may be instantiated with a type that can be.
func (s *scanner) canBeEmpty(t types.Type) bool {
	t = types.Unalias(t)
	if _, ok := t.(*types.TypeParam); ok {
		return true
	}
	if k := specialKind(t); k != "" {
		return k == model.KindRawMessage
	}
	if marshalKind(t) != "" {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Pointer, *types.Interface, *types.Map, *types.Slice:
		return true
	case *types.Array:
		return u.Len() == 0
	case *types.Struct:
		if v, ok := s.emptiable.At(t).(bool); ok {
			return v
		}
		empty := true
		for _, f := range jsonMembers(t, u).fields {
			if !s.optional(f) {
				empty = false
				break
			}
		}
		s.emptiable.Set(t, empty)
		return empty
	}
	return false
}

// quoted reports whether the string option of field v makes its value
// travel as a quoted number: v2 applies it to integers and floats, behind
// any number of pointers, and a type with its own marshal methods ignores
// it. On anything else v2 fails at run time whenever it writes or reads the
// field, so that is reported.
func (s *scanner) quoted(v *types.Var, r *reach, path string) bool {
	refuse := func(msg string) bool {
		s.fieldProblem(v, msg+" (remove the option)", r, path)
		return false
	}
	t := types.Unalias(v.Type())
	for {
		switch specialKind(t) {
		case model.KindDuration:
			return refuse("the `string` option on a time.Duration: the runtime's codec writes it as a number, and reads it only from a quoted one")
		case model.KindTime:
			return refuse("the `string` option applies only to numbers, and encoding/json/v2 fails on it for a time.Time")
		}
		if marshalKind(t) != "" {
			return false // its methods write it, ignoring the option
		}
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			break
		}
		t = types.Unalias(p.Elem())
	}
	if tp, ok := t.(*types.TypeParam); ok {
		return refuse(fmt.Sprintf("the `string` option on a field of type parameter type %s: encoding/json/v2 quotes numbers and fails on anything else, which its TypeScript type cannot say", tp.Obj().Name()))
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&(types.IsInteger|types.IsFloat) != 0 && b.Info()&types.IsComplex == 0 {
		return true
	}
	return refuse(fmt.Sprintf("the `string` option applies only to numbers, and encoding/json/v2 fails on it for a field of type %s", s.typeString(v.Type())))
}
