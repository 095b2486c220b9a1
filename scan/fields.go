package scan

import (
	"cmp"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/actionsgo/actions/model"
)

// jsonField is a struct field as encoding/json's typeFields finds it.
type jsonField struct {
	name   string
	tagged bool     // the name comes from the tag
	index  []int    // field indexes from the outer struct, as in reflect
	goPath []string // Go field names along index
	v      *types.Var
	tag    reflect.StructTag
	opts   string // the options after the name in the json tag
	viaPtr bool   // reached through an embedded pointer, which may be nil
}

// embeddedLevel is a struct to scan for fields, found embedded at some depth.
type embeddedLevel struct {
	typ    types.Type
	st     *types.Struct
	index  []int
	goPath []string
	viaPtr bool
}

// structFields describes the JSON members of the struct st (whose type is
// t) following encoding/json v1's typeFields and dominantField: a breadth
// first walk of embedded structs where the shallowest field of a name wins,
// then the one named by a tag, and names still tied are dropped.
func (s *scanner) structFields(t types.Type, st *types.Struct, r *reach, path string) []*model.Field {
	var fields []jsonField
	var visited, count, nextCount typeutil.Map
	next := []embeddedLevel{{typ: t, st: st}}
	for len(next) > 0 {
		current := next
		next = nil
		count, nextCount = nextCount, typeutil.Map{}
		for _, lv := range current {
			if visited.At(lv.typ) != nil {
				continue
			}
			visited.Set(lv.typ, true)
			for i := range lv.st.NumFields() {
				f, embedded, ok := fieldAt(lv, i)
				if !ok {
					continue
				}
				if embedded == nil {
					fields = append(fields, f)
					if n, _ := count.At(lv.typ).(int); n > 1 {
						// Two copies of this struct at this depth: record the
						// field twice so the conflict rule drops it.
						fields = append(fields, f)
					}
					continue
				}
				n, _ := nextCount.At(embedded.typ).(int)
				nextCount.Set(embedded.typ, n+1)
				if n == 0 {
					next = append(next, *embedded)
				}
			}
		}
	}
	fields = dominantFields(fields)

	out := make([]*model.Field, 0, len(fields))
	for _, f := range fields {
		goName := strings.Join(f.goPath, ".")
		mf := &model.Field{
			Name:   f.name,
			GoName: goName,
			Type:   s.walk(f.v.Type(), r, joinPath(path, goName)),
			TSType: cmp.Or(f.tag.Get("ts_type"), f.tag.Get("tstype")),
		}
		mf.Pos, mf.Doc = s.declared(f.v.Pos(), f.v.Name())
		mf.OmitEmpty = hasOption(f.opts, "omitempty")
		mf.OmitZero = hasOption(f.opts, "omitzero")
		mf.Optional = mf.OmitZero || mf.OmitEmpty && canBeEmpty(f.v.Type()) || f.viaPtr
		mf.Quoted = hasOption(f.opts, "string") && quotable(f.v.Type())
		out = append(out, mf)
	}
	return out
}

// fieldAt looks at field i of lv. It returns the field as a JSON member, or
// an embedded struct to scan at the next depth, or ok false when
// encoding/json ignores the field.
func fieldAt(lv embeddedLevel, i int) (f jsonField, embedded *embeddedLevel, ok bool) {
	v := lv.st.Field(i)
	ft := types.Unalias(v.Type())
	if ptr, ok := ft.(*types.Pointer); ok {
		ft = types.Unalias(ptr.Elem()) // an unnamed pointer is followed
	}
	_, isStruct := ft.Underlying().(*types.Struct)
	if v.Embedded() {
		if !v.Exported() && !isStruct {
			return f, nil, false // unexported non-struct embedded types are ignored
		}
		// An unexported embedded struct may still promote exported fields.
	} else if !v.Exported() {
		return f, nil, false
	}
	tag := reflect.StructTag(lv.st.Tag(i))
	jtag := tag.Get("json")
	if jtag == "-" {
		return f, nil, false
	}
	name, opts, _ := strings.Cut(jtag, ",")
	if !validTagName(name) {
		name = ""
	}
	index := append(slices.Clone(lv.index), i)
	goPath := append(slices.Clone(lv.goPath), v.Name())
	if name == "" && v.Embedded() && isStruct {
		_, isPtr := types.Unalias(v.Type()).(*types.Pointer)
		st := ft.Underlying().(*types.Struct)
		return f, &embeddedLevel{typ: ft, st: st, index: index, goPath: goPath, viaPtr: lv.viaPtr || isPtr}, true
	}
	f = jsonField{
		name:   cmp.Or(name, v.Name()),
		tagged: name != "",
		index:  index,
		goPath: goPath,
		v:      v,
		tag:    tag,
		opts:   opts,
		viaPtr: lv.viaPtr,
	}
	return f, nil, true
}

// dominantFields keeps, for each JSON name, the field encoding/json
// writes: the shallowest, then the tagged one; a name still tied is dropped
// without a word, as encoding/json does. The result is in index order.
func dominantFields(fields []jsonField) []jsonField {
	slices.SortStableFunc(fields, func(a, b jsonField) int {
		return cmp.Or(
			strings.Compare(a.name, b.name),
			cmp.Compare(len(a.index), len(b.index)),
			boolFirst(a.tagged, b.tagged),
			slices.Compare(a.index, b.index),
		)
	})
	var out []jsonField
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		group := fields[i:j]
		if len(group) == 1 || len(group[0].index) != len(group[1].index) || group[0].tagged != group[1].tagged {
			out = append(out, group[0])
		}
		i = j
	}
	slices.SortFunc(out, func(a, b jsonField) int { return slices.Compare(a.index, b.index) })
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

// hasOption reports whether the comma-separated tag options hold o.
func hasOption(opts, o string) bool {
	for opts != "" {
		var name string
		name, opts, _ = strings.Cut(opts, ",")
		if name == o {
			return true
		}
	}
	return false
}

// validTagName reports whether encoding/json accepts name from a tag: not
// empty, and only letters, digits and the punctuation it allows.
func validTagName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// canBeEmpty reports whether omitempty can leave out a field of type t:
// encoding/json's isEmptyValue holds for some value of its kind. Structs
// are never empty, nor arrays of non-zero length. A type parameter may be
// instantiated with an emptiable type, so it counts as one.
func canBeEmpty(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsBoolean|types.IsNumeric|types.IsString) != 0 && u.Info()&types.IsComplex == 0
	case *types.Array:
		return u.Len() == 0
	case *types.Map, *types.Slice, *types.Pointer, *types.Interface:
		return true
	}
	return false
}

// quotable reports whether ",string" applies to a field of type t: a
// bool, number or string kind, possibly behind one unnamed pointer, that
// does not marshal itself (a marshaler ignores the option).
func quotable(t types.Type) bool {
	if marshalKind(t) != "" {
		return false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
		if marshalKind(t) != "" {
			return false
		}
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsBoolean|types.IsInteger|types.IsFloat|types.IsString) != 0
}
