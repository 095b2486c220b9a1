// Package tsemit writes the TypeScript half of the generated code: one module
// per Go package with its types and one async function per action, and the
// runtime those functions call.
//
// The TypeScript types describe the JSON that encoding/json/v2 writes and
// reads with the runtime's options, not the Go types; the model already
// applies v2's rules for tags, embedding and methods, so this package only
// renders:
//
//   - a struct is an interface of its JSON members, optional where the
//     encoder may leave the member out; one with an embedded fallback also
//     has an index signature for the other members it holds;
//   - a pointer is T | null; a slice, a map and a []byte never are, since
//     v2 writes nil as [], {} and "";
//   - an array [N]T is T[] whatever N (a tuple type would be exact but
//     unreadable for [64]float64; v2 refuses an array of another length
//     when it reads one); [N]byte and []byte are base64 strings, and a
//     slice or array of a defined byte type an array of numbers;
//   - a map is Record<string, V>: number keys travel as decimal strings, and
//     a string template type would not let callers index with a string they
//     built. Keys of an enum type make Partial<Record<E, V>> (for a number
//     enum, Partial<Record<`${E}`, V>>), since a map need not have them all;
//   - an enum is a union of its literals and a const object of the same name
//     holding them by Go name without the type's prefix (StatusPaid → Paid),
//     not a TypeScript enum, which is not erasable syntax;
//   - time.Time is a string, time.Duration a number of nanoseconds (as the
//     runtime's options write it), a type with JSON marshal methods or any
//     value unknown, a type with text marshal methods a string;
//   - a quoted number (the string option) is a string; ts_type and tstype
//     tags override a member's type as written.
//
// Integers beyond 2^53 lose precision in a JavaScript number; the types say
// number all the same.
package tsemit

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/actionsgo/actions/emit"
	"github.com/actionsgo/actions/model"
)

// runtimeSource is runtime.ts, the runtime every generated module imports.
// It is a real TypeScript file, so the tests type-check it as it is.
//
//go:embed runtime.ts
var runtimeSource string

// RuntimeModule is the name of the runtime module in the output directory.
const RuntimeModule = "runtime.ts"

// Generate returns dir/runtime.ts and one module dir/<Package.Key>.ts for each
// package of prog that has actions or types, in the order of prog.Packages.
func Generate(prog *model.Program, dir string) ([]emit.File, error) {
	if prog == nil {
		return nil, fmt.Errorf("tsemit: no program")
	}
	if err := check(prog); err != nil {
		return nil, fmt.Errorf("tsemit: %w", err)
	}
	files := []emit.File{{
		Path:    filepath.Join(dir, RuntimeModule),
		Content: []byte(emit.Header + "\n\n" + runtimeSource),
	}}
	for _, pkg := range prog.Packages {
		if len(pkg.Actions) == 0 && len(pkg.Types) == 0 {
			continue
		}
		src, err := newModule(prog, pkg).render()
		if err != nil {
			return nil, fmt.Errorf("tsemit: package %s: %w", pkg.Path, err)
		}
		files = append(files, emit.File{
			Path:    filepath.Join(dir, pkg.Key+".ts"),
			Content: []byte(src),
		})
	}
	return files, nil
}

// module renders the TypeScript module of one Go package.
type module struct {
	prog *model.Program
	pkg  *model.Package

	// imports is what the module imports, computed before rendering so
	// that names can be chosen without collisions.
	imports *importSet
	// callName and optsType are the local names of the runtime's call and
	// CallOptions: "call" and "CallOptions" unless the module declares
	// those names itself (a parameter named call counts).
	callName, optsType string
}

func newModule(prog *model.Program, pkg *model.Package) *module {
	m := &module{prog: prog, pkg: pkg}
	// The global types the output uses are taken too, so that an imported
	// type of the same name gets an alias instead of hiding them.
	m.imports = newImportSet(m.localTypeNames(), append(m.localValueNames(), globalTypes...))
	if len(pkg.Actions) > 0 {
		m.callName = m.imports.add(runtimeSpecifier, "call", false)
		m.optsType = m.imports.add(runtimeSpecifier, "CallOptions", true)
	}
	m.collectImports()
	return m
}

// runtimeSpecifier is how a module imports the runtime.
const runtimeSpecifier = "./runtime.js"

// localTypeNames returns the names the module declares as types.
func (m *module) localTypeNames() []string {
	var names []string
	for _, n := range m.pkg.Types {
		names = append(names, n.Name)
	}
	return names
}

// localValueNames returns the names the module declares as values, and the
// parameter names of its functions, which would shadow an imported value.
func (m *module) localValueNames() []string {
	var names []string
	for _, n := range m.pkg.Types {
		if len(n.Enum) > 0 {
			names = append(names, n.Name)
		}
	}
	for _, a := range m.pkg.Actions {
		names = append(names, a.TSName)
		for _, p := range a.Params {
			names = append(names, p.TSName)
		}
	}
	return names
}

// collectImports adds the named types of other packages that the module's
// declarations refer to.
func (m *module) collectImports() {
	var visit func(t *model.Type)
	visit = func(t *model.Type) {
		if t == nil {
			return
		}
		if t.Kind == model.KindNamed && t.Pkg != m.pkg.Path {
			if other := m.prog.Package(t.Pkg); other != nil && m.prog.Lookup(t.Pkg, t.Name) != nil {
				m.imports.addType(other, t.Name)
			}
		}
		visit(t.Elem)
		visit(t.Key)
		for _, f := range t.Fields {
			if f.TSType == "" {
				visit(f.Type)
			}
		}
		for _, a := range t.TypeArgs {
			visit(a)
		}
	}
	for _, n := range m.pkg.Types {
		visit(n.Type)
	}
	for _, a := range m.pkg.Actions {
		for _, p := range a.Params {
			visit(p.Type)
		}
		visit(a.Result)
	}
}

// render returns the module's source.
func (m *module) render() (string, error) {
	var b strings.Builder
	b.WriteString(emit.Header + "\n")
	if imp := m.imports.render(); imp != "" {
		b.WriteString("\n" + imp)
	}
	for _, n := range m.pkg.Types {
		b.WriteString("\n")
		if err := m.writeNamed(&b, n); err != nil {
			return "", fmt.Errorf("type %s: %w", n.Name, err)
		}
	}
	for _, a := range m.pkg.Actions {
		b.WriteString("\n")
		if err := m.writeAction(&b, a); err != nil {
			return "", fmt.Errorf("action %s: %w", a.Name, err)
		}
	}
	return b.String(), nil
}

// writeAction writes the async function that calls action a:
//
//	export async function addToCart(item: CartItem, opts?: CallOptions): Promise<Cart> {
//	  return call<Cart>("cart.AddToCart", [item], opts);
//	}
func (m *module) writeAction(b *strings.Builder, a *model.Action) error {
	var tags []string
	for _, p := range a.Params {
		if note := wireNote(p.Type); note != "" {
			tags = append(tags, "@param "+p.TSName+" - "+note)
		}
	}
	if note := wireNote(a.Result); note != "" {
		tags = append(tags, "@returns "+note)
	}
	writeDoc(b, "", m.links(a.Doc), append(tags, "@see Go: func "+m.pkg.Path+"."+a.Name)...)
	taken := map[string]bool{}
	var params, args []string
	for _, p := range a.Params {
		t, err := m.typeExpr(p.Type, "")
		if err != nil {
			return fmt.Errorf("parameter %s: %w", p.Name, err)
		}
		params = append(params, p.TSName+": "+t)
		args = append(args, p.TSName)
		taken[p.TSName] = true
	}
	opts := "opts"
	for taken[opts] {
		opts += "_"
	}
	params = append(params, opts+"?: "+m.optsType)
	result := "void"
	if a.Result != nil {
		t, err := m.typeExpr(a.Result, "")
		if err != nil {
			return fmt.Errorf("result: %w", err)
		}
		result = t
	}
	fmt.Fprintf(b, "export async function %s(%s): %s<%s> {\n", a.TSName, strings.Join(params, ", "), m.global("Promise"), result)
	// A type written over several lines (an anonymous struct) is indented
	// once more inside the function body.
	fmt.Fprintf(b, "  return %s<%s>(%s, [%s], %s);\n", m.callName, strings.ReplaceAll(result, "\n", "\n  "), quote(a.ID), strings.Join(args, ", "), opts)
	b.WriteString("}\n")
	return nil
}

// check returns an error if prog cannot be written as TypeScript as it is:
// a module name that is not a plain file name or is taken, or a name that is
// not an identifier. The scanner never builds such a model; the check keeps
// a broken one from becoming files that do not compile.
func check(prog *model.Program) error {
	keys := map[string]string{strings.TrimSuffix(RuntimeModule, ".ts"): "the runtime"}
	for _, pkg := range prog.Packages {
		if len(pkg.Actions) == 0 && len(pkg.Types) == 0 {
			continue
		}
		if !isTSIdentifier(pkg.Key) {
			return fmt.Errorf("package %s: key %q cannot name a module: want letters, digits and _", pkg.Path, pkg.Key)
		}
		if other, dup := keys[pkg.Key]; dup {
			return fmt.Errorf("package %s: its module %s.ts would be the module of %s", pkg.Path, pkg.Key, other)
		}
		keys[pkg.Key] = "package " + pkg.Path
		// Exported values: enum objects and functions share one namespace.
		values := map[string]string{}
		for _, n := range pkg.Types {
			if !isTSIdentifier(n.Name) {
				return fmt.Errorf("package %s: type name %q is not an identifier", pkg.Path, n.Name)
			}
			if len(n.Enum) > 0 {
				values[n.Name] = "the constants of type " + n.Name
			}
		}
		for _, a := range pkg.Actions {
			if !isTSIdentifier(a.TSName) {
				return fmt.Errorf("package %s: action %s: TypeScript name %q is not an identifier", pkg.Path, a.Name, a.TSName)
			}
			if other, dup := values[a.TSName]; dup {
				return fmt.Errorf("package %s: action %s: TypeScript name %s is also the name of %s", pkg.Path, a.Name, a.TSName, other)
			}
			values[a.TSName] = "action " + a.Name
			for _, p := range a.Params {
				if !isTSIdentifier(p.TSName) {
					return fmt.Errorf("package %s: action %s: parameter name %q is not an identifier", pkg.Path, a.Name, p.TSName)
				}
			}
		}
	}
	return nil
}

// isTSIdentifier reports whether s can name a declaration: letters (any
// script, as in Go), digits after the first, _ and $. Reserved words are
// the namer's concern (internal/tsname).
func isTSIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r == '$' || unicode.IsLetter(r):
		case unicode.IsDigit(r) && i > 0:
		default:
			return false
		}
	}
	return true
}
