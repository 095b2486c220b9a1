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
//     not a TypeScript enum, which is not erasable syntax. An open enum's
//     union also takes any value of its kind, as (string & {}) or
//     (number & {}), which keeps editors offering the literals. A closed
//     enum whose zero value is no constant gets it added where Go may
//     write it ("health: Health | \"\""): in results and declarations, unless
//     the member's omitempty or omitzero leaves it out; a stub's parameters
//     take the constants;
//   - time.Time is a string, time.Duration a number of nanoseconds (as the
//     runtime's options write it), a type with JSON marshal methods or any
//     value unknown, a type with text marshal methods a string;
//   - a quoted number (the string option) is a string; ts_type and tstype
//     tags override a member's type as written.
//
// Integers beyond 2^53 lose precision in a JavaScript number; by default
// the types say number all the same. Options change that, and times:
// with Dates a time.Time is a Date, with Int64 set to Int64BigInt every
// 64-bit integer is a bigint that travels without loss (see Options and
// revive.go).
//
// Every stub passes its action's fingerprint (model.Program.Fingerprint)
// to the runtime, which sends it with the call, so that a client made for
// another version of the server learns it is stale.
package tsemit

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/emit"
	"github.com/actionsgo/actions/internal/tsname"
	"github.com/actionsgo/actions/model"
)

// runtimeSource is runtime.ts, the runtime every generated module imports.
// It is a real TypeScript file, so the tests type-check it as it is.
//
//go:embed runtime.ts
var runtimeSource string

// runtimeModule returns runtime.ts with its ErrorCode type written from the
// Go runtime's codes, between the "codes:begin" and "codes:end" lines, and
// the lines between "mode:begin" and "mode:end" written for opts.
func runtimeModule(opts Options) string {
	var union strings.Builder
	union.WriteString("export type ErrorCode =\n")
	for _, c := range actions.Codes() {
		fmt.Fprintf(&union, "  | %s\n", quote(string(c)))
	}
	union.WriteString("  | \"unknown\";\n")
	src := between(runtimeSource, "codes", union.String())
	return between(src, "mode", runtimeMode(opts))
}

// between returns src with the lines between "// <name>:begin" and
// "// <name>:end" replaced by lines.
func between(src, name, lines string) string {
	begin, end := "// "+name+":begin\n", "// "+name+":end\n"
	i, j := strings.Index(src, begin), strings.Index(src, end)
	return src[:i+len(begin)] + lines + src[j:]
}

// RuntimeModule is the name of the runtime module in the output directory.
// No package's module takes it: the scanner gives no package this key.
const RuntimeModule = model.RuntimeKey + ".ts"

// Generate returns dir/runtime.ts and one module dir/<Package.Key>.ts for each
// package of prog that has actions or types, in the order of prog.Packages,
// with the default Options.
func Generate(prog *model.Program, dir string) ([]emit.File, error) {
	return GenerateWith(prog, dir, Options{})
}

// GenerateWith is Generate with options.
func GenerateWith(prog *model.Program, dir string, opts Options) ([]emit.File, error) {
	if prog == nil {
		return nil, fmt.Errorf("tsemit: no program")
	}
	if err := opts.check(); err != nil {
		return nil, fmt.Errorf("tsemit: %w", err)
	}
	if err := check(prog); err != nil {
		return nil, fmt.Errorf("tsemit: %w", err)
	}
	files := []emit.File{{
		Path:    filepath.Join(dir, RuntimeModule),
		Content: []byte(emit.Header + "\n\n" + runtimeModule(opts)),
	}}
	rev := newRevivals(prog, opts)
	for _, pkg := range prog.Packages {
		if len(pkg.Actions) == 0 && len(pkg.Types) == 0 {
			continue
		}
		src, err := newModule(prog, pkg, rev).render()
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
	// runtime holds the local names of what the module imports from the
	// runtime ("call", "CallOptions"…), the same unless the module declares
	// those names itself (a parameter named call counts).
	runtime map[string]string

	// rev says which types the client converts (Options); collect is set
	// while the conversions run only to find their imports.
	rev     *revivals
	opts    Options
	collect bool
}

func newModule(prog *model.Program, pkg *model.Package, rev *revivals) *module {
	m := &module{prog: prog, pkg: pkg, rev: rev, opts: rev.opts}
	// The global types the output uses are taken too, so that an imported
	// type of the same name gets an alias instead of hiding them, and so
	// are the type parameters of the module's generic types, which would
	// hide an import of the same name inside their declarations.
	taken := slices.Concat(m.localValueNames(), m.typeParamNames(), globalTypes)
	if m.opts.Dates {
		taken = append(taken, "Date")
	}
	m.imports = newImportSet(m.localTypeNames(), taken)
	m.runtime = map[string]string{}
	use := func(name string, typ bool) {
		if _, ok := m.runtime[name]; !ok {
			m.runtime[name] = m.imports.add(runtimeSpecifier, name, typ)
		}
	}
	for _, a := range pkg.Actions {
		use(callerOf(a), false)
		if a.Form != nil {
			use("submit", false)
			use("FormState", true)
		}
	}
	if len(pkg.Actions) > 0 {
		m.runtime["CallOptions"] = m.imports.add(runtimeSpecifier, "CallOptions", true)
	}
	m.collectImports()
	m.collectRevivers()
	return m
}

// runtimeSpecifier is how a module imports the runtime.
const runtimeSpecifier = "./" + model.RuntimeKey + ".js"

// localTypeNames returns the names the module declares as types.
func (m *module) localTypeNames() []string {
	var names []string
	for _, n := range m.pkg.Types {
		names = append(names, n.Name)
	}
	return names
}

// typeParamNames returns the names of the type parameters of the module's
// generic types: in type Page[Item any] struct{ Mine other.Item }, the
// imported Item needs another name.
func (m *module) typeParamNames() []string {
	var names []string
	for _, n := range m.pkg.Types {
		names = append(names, n.TypeParams...)
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
		if m.rev != nil && m.rev.declared(m.pkg.Path, n) {
			names = append(names, reviverName(n.Name))
		}
	}
	for _, a := range m.pkg.Actions {
		names = append(names, a.TSName)
		if a.Get {
			names = append(names, a.TSName+emit.QuerySuffix)
		}
		if a.Form != nil {
			names = append(names, a.TSName+emit.FormSuffix)
		}
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
		m.writeReviver(&b, n)
	}
	for _, a := range m.pkg.Actions {
		b.WriteString("\n")
		if err := m.writeAction(&b, a); err != nil {
			return "", fmt.Errorf("action %s: %w", a.Name, err)
		}
	}
	return b.String(), nil
}

// callerOf names the function of the runtime that a's stub calls: call
// (POST), read (GET, for a get action), stream, download (a File result)
// or upload (files in the arguments).
func callerOf(a *model.Action) string {
	switch {
	case a.Stream != "":
		return "stream"
	case a.Get:
		return "read"
	case a.Result != nil && a.Result.Kind == model.KindFile:
		return "download"
	case a.Files:
		return "upload"
	}
	return "call"
}

// formSpec is how the runtime's submit reads a form field: its kind, "[]"
// for several values, "?" when it may be absent.
func formSpec(f *model.FormField) string {
	spec := string(f.Kind)
	if f.Multiple {
		spec += "[]"
	}
	if f.Optional {
		spec += "?"
	}
	return spec
}

// writeAction writes the function that calls action a:
//
//	export async function addToCart(item: CartItem, opts?: CallOptions): Promise<Cart> {
//	  return call<Cart>("cart.AddToCart", [item], opts, "3f2a9c01d4e5");
//	}
//
// a stream's returns an AsyncIterable of its items, and a get action also
// gets <name>Query, its options for TanStack Query.
func (m *module) writeAction(b *strings.Builder, a *model.Action) error {
	var tags []string
	for _, p := range a.Params {
		if note := m.wireNote(p.Type); note != "" {
			tags = append(tags, "@param "+p.TSName+" - "+note)
		}
	}
	if note := m.wireNote(a.Result); note != "" {
		tags = append(tags, "@returns "+note)
	}
	see := "@see Go: func " + m.pkg.Path + "." + a.Name
	if a.Receiver != nil {
		see = "@see Go: method (*" + m.pkg.Path + "." + a.Receiver.Type + ")." + a.Name
	}
	writeDoc(b, "", m.links(a.Doc), append(tags, see)...)
	taken := map[string]bool{}
	var params, args []string
	for _, p := range a.Params {
		t, err := m.typeExpr(p.Type, atParam)
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
	params = append(params, opts+"?: "+m.runtime["CallOptions"])
	result := "void"
	if a.Result != nil {
		t, err := m.typeExpr(a.Result, atResult)
		if err != nil {
			return fmt.Errorf("result: %w", err)
		}
		result = t
	}
	// A type written over several lines (an anonymous struct) is indented
	// once more inside the function body.
	inner := strings.ReplaceAll(result, "\n", "\n  ")
	caller := m.runtime[callerOf(a)]
	if a.Stream != "" {
		fmt.Fprintf(b, "export function %s(%s): %s<%s> {\n", a.TSName, strings.Join(params, ", "), m.global("AsyncIterable"), result)
	} else {
		fmt.Fprintf(b, "export async function %s(%s): %s<%s> {\n", a.TSName, strings.Join(params, ", "), m.global("Promise"), result)
	}
	revive := ""
	if fn := m.reviverFn(a.Result, nil); fn != "" {
		revive = ", " + fn
	}
	fingerprint := quote(m.prog.Fingerprint(a))
	if callerOf(a) == "download" {
		fmt.Fprintf(b, "  return %s(%s, [%s], %s, %s);\n", caller, quote(a.ID), strings.Join(args, ", "), opts, fingerprint)
	} else {
		fmt.Fprintf(b, "  return %s<%s>(%s, [%s], %s, %s%s);\n", caller, inner, quote(a.ID), strings.Join(args, ", "), opts, fingerprint, revive)
	}
	b.WriteString("}\n")
	if a.Form != nil {
		b.WriteString("\n")
		writeDoc(b, "", fmt.Sprintf("Calls {@link %s} with the fields of a form, converted as its Go struct\ntakes them: usable as a form's action and as React's useActionState action\n(initial state null). It resolves to the state the form shows: the result,\nor the error with its field errors, and the values submitted.", a.TSName))
		specs := make([]string, len(a.Form))
		for i, f := range a.Form {
			specs[i] = propertyName(f.Name) + ": " + quote(formSpec(f))
		}
		state := m.runtime["FormState"] + "<" + result + ">"
		fmt.Fprintf(b, "export async function %s%s(_state: %s | null, formData: %s, %s?: %s): %s<%s> {\n", a.TSName, emit.FormSuffix, state, m.global("FormData"), opts, m.runtime["CallOptions"], m.global("Promise"), state)
		fmt.Fprintf(b, "  return %s<%s>(%s, { %s }, formData, %s, %s%s);\n", m.runtime["submit"], inner, quote(a.ID), strings.Join(specs, ", "), opts, fingerprint, revive)
		b.WriteString("}\n")
	}
	if a.Get {
		b.WriteString("\n")
		writeDoc(b, "", fmt.Sprintf("The TanStack Query options of {@link %s}, for useQuery and queryOptions: its\nkey starts with the action's ID, so invalidating [%s] reaches every\ncall of it, and its queryFn passes the query's signal on.", a.TSName, quote(a.ID)))
		signal := "signal"
		for taken[signal] {
			signal += "_"
		}
		fmt.Fprintf(b, "export function %s%s(%s) {\n", a.TSName, emit.QuerySuffix, strings.Join(params, ", "))
		b.WriteString("  return {\n")
		fmt.Fprintf(b, "    queryKey: [%s] as const,\n", strings.Join(append([]string{quote(a.ID)}, args...), ", "))
		bind := signal // the destructuring of the query's context
		if signal != "signal" {
			bind = "signal: " + signal
		}
		fmt.Fprintf(b, "    queryFn: ({ %s }: { signal: %s }): %s<%s> => %s(%s),\n", bind, m.global("AbortSignal"), m.global("Promise"), inner,
			a.TSName, strings.Join(append(args, "{ ..."+opts+", "+bind+" }"), ", "))
		b.WriteString("  };\n}\n")
	}
	return nil
}

// check returns an error if prog cannot be written as TypeScript as it is:
// a module name that is not a plain file name or is taken, or a name that is
// not an identifier. The scanner never builds such a model; the check keeps
// a broken one from becoming files that do not compile.
func check(prog *model.Program) error {
	keys := map[string]string{model.RuntimeKey: "the runtime"}
	for _, pkg := range prog.Packages {
		if len(pkg.Actions) == 0 && len(pkg.Types) == 0 {
			continue
		}
		if !tsname.IsIdentifier(pkg.Key) {
			return fmt.Errorf("package %s: key %q cannot name a module: want letters, digits and _", pkg.Path, pkg.Key)
		}
		// Compared ignoring case, as a file system may compare file names.
		if other, dup := keys[strings.ToLower(pkg.Key)]; dup {
			return fmt.Errorf("package %s: its module %s.ts would be the module of %s", pkg.Path, pkg.Key, other)
		}
		keys[strings.ToLower(pkg.Key)] = "package " + pkg.Path
		for _, n := range pkg.Types {
			if !tsname.IsIdentifier(n.Name) {
				return fmt.Errorf("package %s: type name %q is not an identifier", pkg.Path, n.Name)
			}
		}
		// Exported values: enum objects and functions share one namespace.
		// The scanner reports this with positions; a model built otherwise
		// gets it as an error.
		for _, c := range emit.TSClashes(pkg) {
			return fmt.Errorf("package %s: %s", pkg.Path, c.Message())
		}
		for _, a := range pkg.Actions {
			if !tsname.IsIdentifier(a.TSName) {
				return fmt.Errorf("package %s: action %s: TypeScript name %q is not an identifier", pkg.Path, a.Name, a.TSName)
			}
			for _, p := range a.Params {
				if !tsname.IsIdentifier(p.TSName) {
					return fmt.Errorf("package %s: action %s: parameter name %q is not an identifier", pkg.Path, a.Name, p.TSName)
				}
			}
		}
	}
	return nil
}
