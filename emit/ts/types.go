package tsemit

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/actionsgo/actions/model"
)

// writeNamed writes the declaration of a named type: an interface for a
// struct, a union of literals and a const object for an enum, and a type
// alias for anything else.
func (m *module) writeNamed(b *strings.Builder, n *model.Named) error {
	writeDoc(b, "", m.links(n.Doc), m.wireNote(n.Type), enumNote(n), "@see Go: type "+m.pkg.Path+"."+n.Name)
	name := n.Name
	if len(n.TypeParams) > 0 {
		name += "<" + strings.Join(n.TypeParams, ", ") + ">"
	}
	switch {
	case len(n.Enum) > 0:
		return m.writeEnum(b, n)
	case n.Type.Kind == model.KindStruct && (len(n.Type.Fields) > 0 || n.Type.Fallback != nil):
		fmt.Fprintf(b, "export interface %s ", name)
		if err := m.writeFields(b, n.Type, atDeclaration); err != nil {
			return err
		}
		b.WriteString("\n")
		return nil
	}
	t, err := m.typeExpr(n.Type, atDeclaration)
	if err != nil {
		return err
	}
	if n.Type.TSType != "" {
		t = n.Type.TSType // as given, without the parentheses of group
	}
	fmt.Fprintf(b, "export type %s = %s;\n", name, t)
	return nil
}

// group returns a TypeScript type given as text (a type's TSType) as one
// member of a union, in parentheses unless it is a name, so that it stays
// whole in T[] and T | null.
func group(ts string) string {
	if isIdentifier(strings.ReplaceAll(ts, ".", "_")) {
		return ts
	}
	return "(" + ts + ")"
}

// writeEnum writes an enum as a union of its values and a const object of
// the same name that holds them:
//
//	export type Status = "pending" | "paid";
//	export const Status = { Pending: "pending", Paid: "paid" } as const;
//
// A TypeScript enum would not be erasable syntax.
func (m *module) writeEnum(b *strings.Builder, n *model.Named) error {
	var union []string
	seen := map[string]bool{}
	// With -ts-int64=bigint, the constants of a 64-bit integer type are
	// bigints: 2n.
	suffix := ""
	if m.rev != nil && m.rev.scalar(n.Type) {
		suffix = "n"
	}
	for _, v := range n.Enum {
		lit, err := literal(v.Value)
		if err != nil {
			return fmt.Errorf("constant %s: %w", v.Name, err)
		}
		lit += suffix
		if !seen[lit] {
			seen[lit] = true
			union = append(union, lit)
		}
	}
	if n.Open {
		union = append(union, openRest(n))
	}
	fmt.Fprintf(b, "export type %s = %s;\n\n", n.Name, strings.Join(union, " | "))
	fmt.Fprintf(b, "export const %s = {\n", n.Name)
	keys := enumKeys(n)
	for i, v := range n.Enum {
		writeDoc(b, "  ", m.links(v.Doc))
		lit, _ := literal(v.Value)
		fmt.Fprintf(b, "  %s: %s%s,\n", propertyName(keys[i]), lit, suffix)
	}
	b.WriteString("} as const;\n")
	return nil
}

// enumNote says of an open enum that other values come too, or "".
func enumNote(n *model.Named) string {
	if !n.Open || len(n.Enum) == 0 || n.Type.Kind == model.KindBool {
		return ""
	}
	kind := "string"
	if n.Type.Kind != model.KindString {
		kind = "number"
	}
	return "Not only these values: its Go type holds any " + kind + "."
}

// openRest is what an open enum's union takes beside its constants: any
// value of its kind, written so that editors still offer the constants
// ("a" | "b" | string would be just string to them). A bool enum has only
// one more value to take.
func openRest(n *model.Named) string {
	switch n.Type.Kind {
	case model.KindString:
		return "(string & {})"
	case model.KindBool:
		if slices.ContainsFunc(n.Enum, func(v *model.EnumValue) bool { return v.Value == "true" }) {
			return "false"
		}
		return "true"
	}
	return "(number & {})"
}

// zeroLiteral returns the zero value of the enum n as a TypeScript literal
// where its union leaves it out: a closed enum whose constants do not
// include it. Go writes it for a value never set, so the places where Go
// may write one admit it. It returns "" otherwise.
func zeroLiteral(n *model.Named) string {
	if n.Open || len(n.Enum) == 0 {
		return ""
	}
	zero := `""`
	switch n.Type.Kind {
	case model.KindBool:
		zero = "false"
	case model.KindInt, model.KindFloat:
		zero = "0"
	}
	for _, v := range n.Enum {
		var x any
		if json.Unmarshal([]byte(v.Value), &x) == nil && (x == "" || x == 0.0 || x == false) {
			return ""
		}
	}
	return zero
}

// enumKeys returns the keys of an enum's const object: the Go constant
// names without the type name where they start with it and the rest starts
// a new word ("StatusPaid" → "Paid"). If that would make two keys equal,
// every key keeps its Go name.
func enumKeys(n *model.Named) []string {
	keys := make([]string, len(n.Enum))
	seen := map[string]bool{}
	for i, v := range n.Enum {
		rest, ok := strings.CutPrefix(v.Name, n.Name)
		if !ok || rest == "" || !unicode.IsUpper([]rune(rest)[0]) || seen[rest] {
			for i, v := range n.Enum {
				keys[i] = v.Name
			}
			return keys
		}
		seen[rest] = true
		keys[i] = rest
	}
	return keys
}

// literal turns the JSON literal of an enum value into a TypeScript literal:
// numbers and booleans as they are, strings re-quoted for TypeScript.
func literal(jsonValue string) (string, error) {
	var v any
	if err := json.Unmarshal([]byte(jsonValue), &v); err != nil {
		return "", fmt.Errorf("value %s is not a JSON literal: %v", jsonValue, err)
	}
	switch v := v.(type) {
	case string:
		return quote(v), nil
	case float64, bool:
		return strings.TrimSpace(jsonValue), nil
	}
	return "", fmt.Errorf("value %s is not a string, number or boolean", jsonValue)
}

// writeFields writes the members of the struct t as an object type,
// indented by indent, with a doc comment for each documented field.
//
// A struct with an embedded fallback takes other members too, so it gets an
// index signature; TypeScript wants the members it names to fit it, so its
// type is the union of the fallback's values and of every member's type.
func (m *module) writeFields(b *strings.Builder, t *model.Type, at place) error {
	indent := at.indent
	b.WriteString("{\n")
	var rest []string // the types of the index signature, without repeats
	addRest := func(s string) {
		if !slices.Contains(rest, s) {
			rest = append(rest, s)
		}
	}
	if t.Fallback != nil {
		v, err := m.typeExpr(t.Fallback.Type, at.inner())
		if err != nil {
			return fmt.Errorf("field %s: %w", t.Fallback.GoName, err)
		}
		addRest(v)
	}
	for _, f := range t.Fields {
		ft, err := m.fieldType(f, at.inner())
		if err != nil {
			return fmt.Errorf("field %s: %w", f.GoName, err)
		}
		note := ""
		if f.TSType == "" && !f.Quoted {
			note = m.wireNote(f.Type)
		}
		writeDoc(b, indent+"  ", m.links(f.Doc), note)
		opt := ""
		if f.Optional {
			opt = "?"
		}
		fmt.Fprintf(b, "%s  %s%s: %s;\n", indent, propertyName(f.Name), opt, ft)
		addRest(ft)
	}
	if t.Fallback != nil {
		sig := strings.Join(rest, " | ")
		if slices.Contains(rest, "unknown") {
			sig = "unknown"
		}
		writeDoc(b, indent+"  ", m.links(t.Fallback.Doc), "Any other member, held by Go's "+t.Fallback.GoName+".")
		fmt.Fprintf(b, "%s  [member: string]: %s;\n", indent, sig)
	}
	b.WriteString(indent + "}")
	return nil
}

// fieldType returns the type of a struct member: the ts_type override, a
// string for a ",string" scalar, or the type of the field's Go type, which
// never holds an enum's zero value where the field's options leave it out.
func (m *module) fieldType(f *model.Field, at place) (string, error) {
	switch {
	case f.TSType != "":
		return f.TSType, nil
	case f.Quoted:
		// A quoted number; a nil pointer is still written as null.
		if m.resolve(f.Type).Kind == model.KindPointer {
			return "string | null", nil
		}
		return "string", nil
	}
	if at.sent && m.omitsZero(f) {
		// Only the enum's own zero value is left out: a pointer to one
		// is still written.
		u, err := m.union(f.Type, place{at.indent, false})
		return strings.Join(u, " | "), err
	}
	return m.typeExpr(f.Type, at)
}

// omitsZero reports whether the encoder leaves out the member f when its
// value is the zero value of the enum that is its type: omitzero, or
// omitempty on a string, whose zero value is "".
func (m *module) omitsZero(f *model.Field) bool {
	if f.Type.Kind != model.KindNamed {
		return false
	}
	n := m.prog.Lookup(f.Type.Pkg, f.Type.Name)
	return n != nil && len(n.Enum) > 0 && (f.OmitZero || f.OmitEmpty && n.Type.Kind == model.KindString)
}

// place is where a type is written: the indent that starts the lines of
// an object type written inline, and whether Go may write the value there
// (a result, and every named type's declaration, which results and
// parameters share), so that a closed enum's zero value must be admitted;
// a stub's parameters take what the client sends, the constants.
type place struct {
	indent string
	sent   bool
}

// The places where types start: a named type's declaration, a result, a
// parameter.
var (
	atDeclaration = place{sent: true}
	atResult      = place{sent: true}
	atParam       = place{sent: false}
)

// inner returns the place of the members of an object type written at p.
func (p place) inner() place { return place{p.indent + "  ", p.sent} }

// typeExpr returns the TypeScript type of t, written at a place.
func (m *module) typeExpr(t *model.Type, at place) (string, error) {
	u, err := m.union(t, at)
	if err != nil {
		return "", err
	}
	return strings.Join(u, " | "), nil
}

// union returns the members of the TypeScript union for t, so that null
// appears once however many pointers lead to a value.
func (m *module) union(t *model.Type, at place) ([]string, error) {
	if t == nil {
		return nil, fmt.Errorf("missing type")
	}
	switch t.Kind {
	case model.KindBool:
		return []string{"boolean"}, nil
	case model.KindInt, model.KindFloat, model.KindDuration:
		if m.rev != nil && m.rev.scalar(t) {
			return []string{"bigint"}, nil
		}
		return []string{"number"}, nil
	case model.KindTime:
		if m.opts.Dates {
			return []string{m.global("Date")}, nil
		}
		return []string{"string"}, nil
	case model.KindTextMarshaler:
		if t.TSType != "" {
			return []string{group(t.TSType)}, nil
		}
		return []string{"string"}, nil
	case model.KindString:
		return []string{"string"}, nil
	case model.KindBytes:
		return []string{"string"}, nil
	case model.KindRawMessage, model.KindAny, model.KindMarshaler:
		if t.TSType != "" {
			return []string{group(t.TSType)}, nil
		}
		return []string{"unknown"}, nil
	case model.KindFile:
		return []string{m.global("Blob")}, nil
	case model.KindPointer:
		u, err := m.union(t.Elem, at)
		if err != nil {
			return nil, err
		}
		return withNull(u), nil
	case model.KindSlice:
		e, err := m.elemExpr(t.Elem, at)
		if err != nil {
			return nil, err
		}
		return []string{e + "[]"}, nil
	case model.KindArray:
		if t.Base64 {
			return []string{"string"}, nil
		}
		e, err := m.elemExpr(t.Elem, at)
		if err != nil {
			return nil, err
		}
		return []string{e + "[]"}, nil
	case model.KindMap:
		r, err := m.record(t, at)
		if err != nil {
			return nil, err
		}
		return []string{r}, nil
	case model.KindStruct:
		if len(t.Fields) == 0 && t.Fallback == nil {
			return []string{m.global("Record") + "<string, never>"}, nil
		}
		var b strings.Builder
		if err := m.writeFields(&b, t, at); err != nil {
			return nil, err
		}
		return []string{b.String()}, nil
	case model.KindNamed:
		ref, err := m.reference(t, at)
		if err != nil {
			return nil, err
		}
		if n := m.prog.Lookup(t.Pkg, t.Name); at.sent && n != nil {
			if zero := zeroLiteral(n); zero != "" {
				return []string{ref, zero}, nil
			}
		}
		return []string{ref}, nil
	case model.KindTypeParam:
		return []string{t.Name}, nil
	}
	return nil, fmt.Errorf("unknown kind %q", t.Kind)
}

// resolve follows a reference to a named type to the type it declares, so
// that a quoted member can tell a pointer from a number.
func (m *module) resolve(t *model.Type) *model.Type {
	for t != nil && t.Kind == model.KindNamed {
		n := m.prog.Lookup(t.Pkg, t.Name)
		if n == nil {
			break
		}
		t = n.Type
	}
	return t
}

// withNull adds null to a union that does not have it; unknown already
// includes null.
func withNull(u []string) []string {
	for _, s := range u {
		if s == "null" || s == "unknown" {
			return u
		}
	}
	return append(u, "null")
}

// elemExpr returns the element type of an array, in parentheses when it is
// a union.
func (m *module) elemExpr(t *model.Type, at place) (string, error) {
	u, err := m.union(t, at)
	if err != nil {
		return "", err
	}
	if len(u) > 1 {
		return "(" + strings.Join(u, " | ") + ")", nil
	}
	return u[0], nil
}

// reference returns a reference to a named type, with its type arguments.
func (m *module) reference(t *model.Type, at place) (string, error) {
	name := t.Name
	if t.Pkg != m.pkg.Path {
		pkg := m.prog.Package(t.Pkg)
		if pkg == nil || m.prog.Lookup(t.Pkg, t.Name) == nil {
			return "", fmt.Errorf("type %s.%s is not declared in the program", t.Pkg, t.Name)
		}
		name = m.imports.localName(pkg, t.Name)
	}
	if len(t.TypeArgs) > 0 {
		var args []string
		for _, a := range t.TypeArgs {
			s, err := m.typeExpr(a, at)
			if err != nil {
				return "", err
			}
			args = append(args, s)
		}
		name += "<" + strings.Join(args, ", ") + ">"
	}
	return name, nil
}

// record returns the object type of a map. encoding/json/v2 writes every
// key as a string: numbers in decimal, text marshalers as their text. A map
// need not have every key of an enum, so enum keys make a Partial record;
// the keys of an open enum take any string too, as its union does.
func (m *module) record(t *model.Type, at place) (string, error) {
	v, err := m.typeExpr(t.Elem, at)
	if err != nil {
		return "", err
	}
	key := "string"
	if k := t.Key; k != nil && k.Kind == model.KindNamed {
		if n := m.prog.Lookup(k.Pkg, k.Name); n != nil && len(n.Enum) > 0 {
			u, err := m.union(k, at)
			if err != nil {
				return "", err
			}
			key = strings.Join(u, " | ")
			if n.Type.Kind != model.KindString {
				// Numbers travel as their decimal strings.
				key = "`${" + key + "}`"
			}
			return m.global("Partial") + "<" + m.global("Record") + "<" + key + ", " + v + ">>", nil
		}
	}
	return m.global("Record") + "<" + key + ", " + v + ">", nil
}

// globalTypes are the global types the output refers to by name. A module
// that declares a type of the same name refers to the global one through
// globalThis, and one that imports such a type imports it under an alias.
var globalTypes = []string{"AbortSignal", "AsyncIterable", "Blob", "FormData", "Partial", "Promise", "Record"}

// global returns how the module refers to the global type name.
func (m *module) global(name string) string {
	for _, n := range m.pkg.Types {
		if n.Name == name {
			return "globalThis." + name
		}
	}
	return name
}

// propertyName returns name as an object member name: as it is when it is
// an identifier, quoted otherwise ("-", "a-b").
func propertyName(name string) string {
	if isIdentifier(name) {
		return name
	}
	return quote(name)
}

// isIdentifier reports whether s is a JavaScript identifier name (ASCII
// letters, digits, _ and $, not starting with a digit); reserved words are
// valid member names.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r == '$' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
		case '0' <= r && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// quote returns s as a double-quoted TypeScript string literal.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\u2028', '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
