package model

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Fingerprint returns the fingerprint of a's wire shape: 12 hexadecimal
// digits of a SHA-256 over WireShape(a). The Go glue gives it to the runtime
// (actions.Action.Fingerprint) and the TypeScript client sends it with each
// call, so a client made for another shape of the action is told so
// (stale_client) instead of failing to decode. This is the one place it is
// computed.
func (p *Program) Fingerprint(a *Action) string {
	sum := sha256.Sum256([]byte(p.WireShape(a)))
	return hex.EncodeToString(sum[:6])
}

// WireShape returns the canonical text that Fingerprint hashes: what a
// client must agree on with the server to call a, and nothing else.
//
// It holds, for the arguments in order and for the result, the JSON each
// travels as: the kind of every value (integers and floats with their size,
// since a value of one may not fit the other), the JSON member names of
// structs, which members may be left out, which numbers travel quoted,
// the element, key and value shapes of arrays and maps, the values of enums,
// and the shapes of the named types reached, generic instances with their
// type arguments put in; and whether a returns a value, streams, and is a
// get action (served by GET).
//
// It leaves out what does not reach the wire: doc comments, positions, Go
// names of types, fields and constants, the order of struct fields (a JSON
// object's members have none), options that change only what the server
// accepts or the TypeScript types say (case:, ts_type), Validate methods,
// the context parameter, the error result, the cache duration, and the
// parameter names: the arguments travel as a JSON array, by position, so
// renaming a parameter changes no byte that a client sends or receives.
//
// A named type is written out where it is first reached and as a back
// reference ("#2") after that, so that recursive types have a finite shape
// that does not depend on their names.
func (p *Program) WireShape(a *Action) string {
	w := &shapeWriter{prog: p, seen: map[string]int{}}
	if a.Get {
		w.b.WriteString("get ")
	}
	if a.Stream != "" {
		w.b.WriteString("stream ")
	}
	w.b.WriteString("(")
	for i, param := range a.Params {
		if i > 0 {
			w.b.WriteString(", ")
		}
		w.shape(param.Type)
	}
	w.b.WriteString(") ")
	if a.Result == nil {
		w.b.WriteString("none")
	} else {
		w.shape(a.Result)
	}
	return w.b.String()
}

// shapeWriter writes the canonical shape of types.
type shapeWriter struct {
	prog *Program
	b    strings.Builder
	seen map[string]int // named instances written so far, by identity, in order
}

func (w *shapeWriter) shape(t *Type) {
	if t == nil {
		w.b.WriteString("?!")
		return
	}
	switch t.Kind {
	case KindBool:
		w.b.WriteString("bool")
	case KindInt:
		if t.Unsigned {
			w.b.WriteString("u" + strconv.Itoa(t.Bits))
		} else {
			w.b.WriteString("i" + strconv.Itoa(t.Bits))
		}
	case KindFloat:
		w.b.WriteString("f" + strconv.Itoa(t.Bits))
	case KindString:
		w.b.WriteString("string")
	case KindBytes:
		w.b.WriteString("base64")
	case KindTime:
		w.b.WriteString("time")
	case KindDuration:
		w.b.WriteString("duration")
	case KindRawMessage, KindAny, KindMarshaler:
		// Any JSON value: the server decides it at run time.
		w.b.WriteString("json")
	case KindTextMarshaler:
		w.b.WriteString("text")
	case KindPointer:
		// null or the value; a pointer to a pointer is no different.
		for t.Kind == KindPointer && t.Elem != nil {
			t = t.Elem
		}
		w.b.WriteString("null|")
		w.shape(t)
	case KindSlice:
		w.b.WriteString("[]")
		w.shape(t.Elem)
	case KindArray:
		if t.Base64 {
			w.b.WriteString("base64[" + strconv.FormatInt(t.Len, 10) + "]")
			return
		}
		w.b.WriteString("[" + strconv.FormatInt(t.Len, 10) + "]")
		w.shape(t.Elem)
	case KindMap:
		w.b.WriteString("map[")
		w.shape(t.Key)
		w.b.WriteString("]")
		w.shape(t.Elem)
	case KindStruct:
		w.object(t)
	case KindNamed:
		w.named(t)
	case KindTypeParam:
		// Only in a declaration not instantiated: named substitutes
		// every type argument before writing a generic type.
		w.b.WriteString("param")
	default:
		w.b.WriteString("?" + string(t.Kind))
	}
}

// object writes the members of a struct sorted by JSON name.
func (w *shapeWriter) object(t *Type) {
	fields := slices.Clone(t.Fields)
	slices.SortFunc(fields, func(a, b *Field) int { return strings.Compare(a.Name, b.Name) })
	w.b.WriteString("{")
	for i, f := range fields {
		if i > 0 {
			w.b.WriteString(", ")
		}
		w.b.WriteString(strconv.Quote(f.Name))
		if f.Optional {
			w.b.WriteString("?")
		}
		w.b.WriteString(": ")
		if f.Quoted {
			w.b.WriteString("quoted ")
		}
		w.shape(f.Type)
	}
	if t.Fallback != nil {
		if len(fields) > 0 {
			w.b.WriteString(", ")
		}
		w.b.WriteString("...: ")
		w.shape(t.Fallback.Type)
	}
	w.b.WriteString("}")
}

// named writes the shape of a named type, or a back reference to where it
// was written before.
func (w *shapeWriter) named(t *Type) {
	key := identity(t)
	if i, ok := w.seen[key]; ok {
		w.b.WriteString("#" + strconv.Itoa(i))
		return
	}
	w.seen[key] = len(w.seen)
	n := w.prog.Lookup(t.Pkg, t.Name)
	if n == nil || n.Type == nil {
		// Not in the program: a scanner bug, or a hand-built model. Its
		// identity is all there is to go by.
		w.b.WriteString("?" + key)
		return
	}
	decl := n.Type
	if len(n.TypeParams) > 0 {
		args := map[string]*Type{}
		for i, name := range n.TypeParams {
			if i < len(t.TypeArgs) {
				args[name] = t.TypeArgs[i]
			}
		}
		decl = Substitute(decl, args)
	}
	if len(n.Enum) > 0 {
		values := make([]string, len(n.Enum))
		for i, v := range n.Enum {
			values[i] = v.Value
		}
		slices.Sort(values)
		values = slices.Compact(values)
		w.b.WriteString("enum(")
		w.shape(decl)
		w.b.WriteString(": " + strings.Join(values, " ") + ")")
		return
	}
	w.shape(decl)
}

// Substitute returns t with each type parameter named in args replaced by
// its argument, sharing the parts of t that hold none.
func Substitute(t *Type, args map[string]*Type) *Type {
	if t == nil || len(args) == 0 {
		return t
	}
	if t.Kind == KindTypeParam {
		if a, ok := args[t.Name]; ok {
			return a
		}
		return t
	}
	c := *t
	changed := false
	sub := func(x *Type) *Type {
		y := Substitute(x, args)
		changed = changed || y != x
		return y
	}
	c.Elem = sub(t.Elem)
	c.Key = sub(t.Key)
	if len(t.TypeArgs) > 0 {
		c.TypeArgs = make([]*Type, len(t.TypeArgs))
		for i, a := range t.TypeArgs {
			c.TypeArgs[i] = sub(a)
		}
	}
	if len(t.Fields) > 0 {
		c.Fields = make([]*Field, len(t.Fields))
		for i, f := range t.Fields {
			nf := *f
			nf.Type = sub(f.Type)
			c.Fields[i] = &nf
		}
	}
	if t.Fallback != nil {
		nf := *t.Fallback
		nf.Type = sub(t.Fallback.Type)
		c.Fallback = &nf
	}
	if !changed {
		return t
	}
	return &c
}

// identity returns a string that is equal for two types exactly when they
// are the same Go type, as far as the model tells: for a named type, its
// package, name and type arguments.
func identity(t *Type) string {
	if t == nil {
		return ""
	}
	var b strings.Builder
	writeIdentity(&b, t)
	return b.String()
}

func writeIdentity(b *strings.Builder, t *Type) {
	if t == nil {
		b.WriteString("nil")
		return
	}
	b.WriteString(string(t.Kind))
	if t.Bits != 0 {
		fmt.Fprintf(b, " %d", t.Bits)
	}
	if t.Unsigned {
		b.WriteString(" unsigned")
	}
	if t.Pkg != "" || t.Name != "" {
		b.WriteString(" " + t.Pkg + "." + t.Name)
	}
	if len(t.TypeArgs) > 0 {
		b.WriteString("[")
		for i, a := range t.TypeArgs {
			if i > 0 {
				b.WriteString(",")
			}
			writeIdentity(b, a)
		}
		b.WriteString("]")
	}
	if t.Len != 0 || t.Kind == KindArray {
		b.WriteString(" " + strconv.FormatInt(t.Len, 10))
	}
	if t.Key != nil {
		b.WriteString(" key(")
		writeIdentity(b, t.Key)
		b.WriteString(")")
	}
	if t.Elem != nil {
		b.WriteString(" elem(")
		writeIdentity(b, t.Elem)
		b.WriteString(")")
	}
	if t.Kind == KindStruct {
		b.WriteString("{")
		for _, f := range t.Fields {
			b.WriteString(strconv.Quote(f.Name) + ":")
			if f.Optional {
				b.WriteString("?")
			}
			if f.Quoted {
				b.WriteString("q")
			}
			writeIdentity(b, f.Type)
			b.WriteString(";")
		}
		if t.Fallback != nil {
			b.WriteString("...:")
			writeIdentity(b, t.Fallback.Type)
		}
		b.WriteString("}")
	}
}
