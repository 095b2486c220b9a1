package scan

import (
	"cmp"
	"go/token"
	"go/types"

	"github.com/actionsgo/actions/model"
)

// namedInfo is a named type declared in the Program, with what its
// declaration reaches, so every action that uses it can report its
// problems.
type namedInfo struct {
	model *model.Named
	reach reach
}

// reach lists, in source order, the types a type expression cannot send
// and the named types it refers to. Problems are collected per declaration
// and joined per action, since a named type is described only once but
// must be reported for every parameter or result that reaches it.
type reach struct {
	items []reachItem
}

type reachItem struct {
	path  string     // Go field path from the start of the expression, "Options.Callback"
	typ   string     // for a problem: the type that cannot be sent
	hint  string     // for a problem: what would work instead, or ""
	why   string     // for a problem: why the type is refused, if not because JSON cannot carry it
	named *namedInfo // for a reference: the named type
}

func (r *reach) problem(path, typ, hint string) {
	r.items = append(r.items, reachItem{path: path, typ: typ, hint: hint})
}

// refused records a type that the codec refuses at run time, for why.
func (r *reach) refused(path, typ, why, hint string) {
	r.items = append(r.items, reachItem{path: path, typ: typ, why: why, hint: hint})
}

func (r *reach) ref(path string, n *namedInfo) {
	r.items = append(r.items, reachItem{path: path, named: n})
}

// joinPath joins two field paths with a dot.
func joinPath(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "." + b
}

// wireType describes t, the type of a parameter or result that what names
// ("AddToCart: parameter item"), and reports at pos every type it reaches
// that cannot be sent as JSON, each once. It returns nil if there was any.
func (s *scanner) wireType(t types.Type, pos token.Pos, what string) *model.Type {
	var r reach
	mt := s.walk(t, &r, "")
	seen := map[string]bool{}
	visited := map[*namedInfo]bool{}
	failed := false
	var visit func(r *reach, base string)
	visit = func(r *reach, base string) {
		for _, it := range r.items {
			p := joinPath(base, it.path)
			if it.named != nil {
				if !visited[it.named] {
					visited[it.named] = true
					visit(&it.named.reach, p)
				}
				continue
			}
			failed = true
			if key := it.typ + it.why + it.hint; seen[key] {
				continue
			} else {
				seen[key] = true
			}
			msg := what
			if p != "" {
				msg += ": field " + p
			}
			msg += " has type " + it.typ + ", " + cmp.Or(it.why, "which cannot be sent as JSON")
			if it.hint != "" {
				msg += " (" + it.hint + ")"
			}
			s.errorf(pos, "%s", msg)
		}
	}
	visit(&r, "")
	if failed {
		return nil
	}
	return mt
}

// walk describes t as encoding/json/v2 writes it, recording in r what it
// reaches; path is the field path to t from where the walk started.
func (s *scanner) walk(t types.Type, r *reach, path string) *model.Type {
	t = types.Unalias(t)
	switch t := t.(type) {
	case *types.TypeParam:
		return &model.Type{Kind: model.KindTypeParam, Name: t.Obj().Name()}
	case *types.Named:
		if obj := t.Obj(); obj.Pkg() != nil {
			if mt := special(obj.Pkg().Path(), obj.Name()); mt != nil {
				return mt
			}
			if s.isStd(obj.Pkg().Path()) {
				return s.stdNamed(t, r, path)
			}
			return s.userNamed(t, r, path)
		}
		// error, comparable: fall through to the underlying interface
	}
	return s.walkUnderlying(t, r, path)
}

// special returns the kind of the standard library types that have one:
// v2 writes time.Time itself, the runtime's options give time.Duration its
// representation, and a jsontext.Value (which json.RawMessage is an alias
// of) is any JSON value written as it is.
func special(pkg, name string) *model.Type {
	switch pkg + "." + name {
	case "time.Time":
		return &model.Type{Kind: model.KindTime}
	case "time.Duration":
		return &model.Type{Kind: model.KindDuration}
	case "encoding/json.RawMessage", "encoding/json/jsontext.Value":
		return &model.Type{Kind: model.KindRawMessage}
	case runtimePath + ".File":
		return &model.Type{Kind: model.KindFile}
	}
	return nil
}

// runtimePath is the import path of the runtime, whose File type is an
// upload or a download.
const runtimePath = "github.com/actionsgo/actions"

// specialKind returns the kind special gives t, or "".
func specialKind(t types.Type) model.Kind {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	if mt := special(n.Obj().Pkg().Path(), n.Obj().Name()); mt != nil {
		return mt.Kind
	}
	return ""
}

// userNamed declares a named type outside the standard library and returns
// a reference to it.
func (s *scanner) userNamed(t *types.Named, r *reach, path string) *model.Type {
	info := s.declare(t.Origin())
	mt := &model.Type{Kind: model.KindNamed, Pkg: t.Obj().Pkg().Path(), Name: t.Obj().Name()}
	args := t.TypeArgs()
	if args.Len() == 0 {
		r.ref(path, info)
		return mt
	}
	// What an instantiation cannot send is found in its instantiated body,
	// so a message names the field ("field Value has type chan bool"); the
	// type arguments themselves are walked for the model only.
	r.ref(path, s.instance(t))
	var discard reach
	for i := range args.Len() {
		mt.TypeArgs = append(mt.TypeArgs, s.walk(args.At(i), &discard, path))
	}
	return mt
}

// instance returns what the instantiated generic type t reaches, walking
// its instantiated body once. Its model is not kept: the Program holds the
// generic declaration and references with type arguments.
func (s *scanner) instance(t *types.Named) *namedInfo {
	if info, ok := s.instances.At(t).(*namedInfo); ok {
		return info
	}
	info := &namedInfo{}
	s.instances.Set(t, info)
	if marshalKind(t) == "" {
		s.walkUnderlying(t, &info.reach, "")
	}
	return info
}

// stdNamed describes a standard library type other than the special ones:
// never declared, it is written inline: a marshaler as such, anything else
// as its underlying type.
func (s *scanner) stdNamed(t *types.Named, r *reach, path string) *model.Type {
	mt := &model.Type{Kind: marshalKind(t)}
	if mt.Kind != "" {
		mt.TSType = s.marshalTSType(t, typeOptions{})
	}
	if mt.Kind == "" {
		if s.stdSeen.At(t) != nil {
			// A recursive standard library type: give up describing it
			// rather than loop. None is usefully sent as JSON anyway.
			return &model.Type{Kind: model.KindAny}
		}
		s.stdSeen.Set(t, true)
		mt = s.walkUnderlying(t, r, path)
		s.stdSeen.Delete(t)
	}
	return mt
}

// declare returns the declaration of the named type t (a generic origin or
// a non-generic type), describing it on first use. The declaration is
// registered before its body is walked, so recursive types terminate.
func (s *scanner) declare(t *types.Named) *namedInfo {
	obj := t.Obj()
	key := obj.Pkg().Path() + "." + obj.Name()
	if info, ok := s.named[key]; ok {
		return info
	}
	n := &model.Named{Name: obj.Name()}
	n.Pos, n.Doc = s.declared(obj.Pos(), obj.Name())
	info := &namedInfo{model: n}
	s.named[key] = info
	pkg := s.packageOf(obj.Pkg())
	pkg.Types = append(pkg.Types, n)
	if tps := t.TypeParams(); tps != nil {
		for i := range tps.Len() {
			n.TypeParams = append(n.TypeParams, tps.At(i).Obj().Name())
		}
	}
	if k := marshalKind(t); k != "" {
		n.Type = &model.Type{Kind: k}
	} else {
		n.Type = s.walkUnderlying(t, &info.reach, "")
	}
	switch n.Type.Kind {
	case model.KindBool, model.KindInt, model.KindFloat, model.KindString:
		n.Enum = s.enumValues(t)
	}
	s.applyTypeOptions(t, n, s.typeOptions(s.declaredType(obj.Pos(), obj.Name())))
	n.Validate = hasValidate(t)
	return info
}

// applyTypeOptions decides what the declaration n of t says that its Go
// type does not: whether an enum is open, which the modules being
// generated decide unless its directive does, and the TypeScript type of
// one that marshals itself.
func (s *scanner) applyTypeOptions(t *types.Named, n *model.Named, o typeOptions) {
	obj := t.Obj()
	s.checkTypeTS(t, n, o)
	switch n.Type.Kind {
	case model.KindMarshaler, model.KindTextMarshaler:
		n.Type.TSType = s.marshalTSType(t, o)
	}
	if len(n.Enum) > 0 {
		n.Open = !s.inModules(obj.Pkg().Path())
		if o.enum != "" {
			n.Open = o.enum == "open"
		}
	} else if o.enum != "" {
		s.errorAt(o.enumPos, "%s %s on type %s, which is not an enum: an enum is a defined bool, number or string type with exported constants of its own type", enumDirective, o.enum, obj.Name())
	}
}

// walkUnderlying describes a type that is not named (or the underlying type
// of a named one).
func (s *scanner) walkUnderlying(t types.Type, r *reach, path string) *model.Type {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if mt := basic(u); mt != nil {
			return mt
		}
		if u.Kind() != types.Invalid {
			r.problem(path, s.typeString(t), "")
		}
		// An invalid type comes with a type error already reported.
	case *types.Pointer:
		return &model.Type{Kind: model.KindPointer, Elem: s.walk(u.Elem(), r, path)}
	case *types.Slice:
		if isByte(u.Elem()) {
			return &model.Type{Kind: model.KindBytes}
		}
		return &model.Type{Kind: model.KindSlice, Elem: s.walk(u.Elem(), r, path)}
	case *types.Array:
		return &model.Type{Kind: model.KindArray, Len: u.Len(), Elem: s.walk(u.Elem(), r, path), Base64: isByte(u.Elem())}
	case *types.Map:
		if why := keyProblem(u.Key()); why != "" {
			r.problem(path, s.typeString(t), why)
			break
		}
		return &model.Type{Kind: model.KindMap, Key: s.walk(u.Key(), r, path), Elem: s.walk(u.Elem(), r, path)}
	case *types.Struct:
		if k := marshalKind(t); k != "" {
			return &model.Type{Kind: k} // an anonymous struct embedding a marshaler
		}
		fields, fallback := s.structFields(t, u, r, path)
		return &model.Type{Kind: model.KindStruct, Fields: fields, Fallback: fallback}
	case *types.Interface:
		if k := marshalKind(t); k != "" {
			return &model.Type{Kind: k}
		}
		if u.Empty() {
			return &model.Type{Kind: model.KindAny}
		}
		r.problem(path, s.typeString(t), "an interface with methods has no JSON shape; use a concrete type")
	default: // channels and functions
		r.problem(path, s.typeString(t), "")
	}
	return &model.Type{Kind: model.KindAny}
}

// basic describes a predeclared scalar type, or returns nil for the ones
// that cannot be sent (complex numbers, unsafe.Pointer).
func basic(b *types.Basic) *model.Type {
	info := b.Info()
	switch {
	case info&types.IsBoolean != 0:
		return &model.Type{Kind: model.KindBool}
	case info&types.IsString != 0:
		return &model.Type{Kind: model.KindString}
	case info&types.IsInteger != 0:
		return &model.Type{Kind: model.KindInt, Bits: intBits(b.Kind()), Unsigned: info&types.IsUnsigned != 0}
	case info&types.IsFloat != 0:
		bits := 64
		if b.Kind() == types.Float32 {
			bits = 32
		}
		return &model.Type{Kind: model.KindFloat, Bits: bits}
	}
	return nil
}

// intBits returns the size of an integer kind; int, uint and uintptr are
// taken as 64 bits, their size on every platform a server runs on.
func intBits(k types.BasicKind) int {
	switch k {
	case types.Int8, types.Uint8:
		return 8
	case types.Int16, types.Uint16:
		return 16
	case types.Int32, types.Uint32:
		return 32
	}
	return 64
}

// isByte reports whether v2 writes a slice or array of elem as base64: elem
// is an unnamed byte type (byte, uint8, or an alias of them). A slice of a
// defined byte type is an array of numbers in v2, unlike v1.
func isByte(elem types.Type) bool {
	b, ok := types.Unalias(elem).(*types.Basic)
	return ok && b.Kind() == types.Uint8
}

// keyProblem returns why v2 cannot write a map with keys of type k as a JSON
// object, or "". It writes every key as an object name, which must be a
// string: string kinds as they are, integers and floats as decimal strings,
// [N]byte in base64, and types with their own methods as these write them
// (which must be a string; a text method always is). A type parameter is
// accepted; its instantiations are checked where used.
func keyProblem(k types.Type) string {
	if _, ok := types.Unalias(k).(*types.TypeParam); ok {
		return ""
	}
	switch specialKind(k) {
	case model.KindDuration:
		return "the runtime writes a time.Duration as a number, which cannot be an object name; use an integer type for the keys"
	case model.KindTime:
		return ""
	}
	if marshalKind(k) != "" {
		return ""
	}
	switch u := k.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "encoding/json/v2 writes a bool key as true or false, which cannot be an object name"
		case u.Info()&(types.IsString|types.IsInteger|types.IsFloat) != 0 && u.Info()&types.IsComplex == 0:
			return ""
		}
	case *types.Array:
		if isByte(u.Elem()) {
			return ""
		}
	}
	return "map keys must be strings, numbers, or types with text or JSON marshal methods"
}
