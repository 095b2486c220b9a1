package tsemit

import (
	"fmt"
	"math"
	"strings"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/model"
)

// Options change how the client represents some Go types. The zero value is
// the default: time.Time is the RFC 3339 string of the wire, and every
// integer a number.
type Options struct {
	// Dates makes time.Time a Date, both ways: the client turns the times
	// of results into Dates, and sends a Date as the codec writes a time
	// (RFC 3339 in UTC). A Date holds milliseconds in no time zone, so a
	// time that comes back has lost any finer digits and its offset.
	Dates bool
	// Int64 is Int64Number (the default, also "") or Int64BigInt: every
	// integer of 64 bits (int64, uint64, and int, uint and uintptr, which
	// are 64 bits on every platform a server runs on, and time.Duration,
	// an int64 of nanoseconds) becomes a bigint, and travels without loss:
	// the client asks the server for these integers as strings (the
	// Actions-Int64 header) and reads them into bigints, and sends bigints
	// as strings, which the server then reads.
	Int64 string
}

// The values of Options.Int64.
const (
	Int64Number = "number"
	Int64BigInt = "bigint"
)

func (o Options) check() error {
	switch o.Int64 {
	case "", Int64Number, Int64BigInt:
		return nil
	}
	return fmt.Errorf("-ts-int64 is %q: want %s or %s", o.Int64, Int64Number, Int64BigInt)
}

func (o Options) bigint() bool { return o.Int64 == Int64BigInt }

// A result whose type holds a time (with Dates) or a 64-bit integer (with
// Int64BigInt) is converted by the stub that receives it: JSON.parse makes
// strings of the times and of the quoted integers, and the stub hands them
// to a reviver generated from the Go type, which converts exactly the
// members that hold them, never guessing from what a string looks like.
// Each named type that holds one gets an exported reviver, $Name, which
// takes one reviver per type parameter when it is generic; the stub of an
// action passes the one of its result (of each item, for a stream) to the
// runtime.

// revivals answers, for a whole program, which types the client converts.
type revivals struct {
	prog *model.Program
	opts Options
	memo map[string]bool // by named instance: pkg.Name and its arguments' answers
	on   map[string]int  // named instances being answered, by depth
}

func newRevivals(prog *model.Program, opts Options) *revivals {
	return &revivals{prog: prog, opts: opts, memo: map[string]bool{}, on: map[string]int{}}
}

// active reports whether the options convert anything at all.
func (r *revivals) active() bool { return r.opts.Dates || r.opts.bigint() }

// scalar reports whether t is converted itself, not through its members.
func (r *revivals) scalar(t *model.Type) bool {
	switch t.Kind {
	case model.KindTime:
		return r.opts.Dates
	case model.KindInt:
		return r.opts.bigint() && t.Bits == 64
	case model.KindDuration:
		return r.opts.bigint()
	}
	return false
}

// converts reports whether a value of type t holds something the client
// converts; env says it of the type parameters in scope.
func (r *revivals) converts(t *model.Type, env map[string]bool) bool {
	ok, _ := r.walk(t, env, 0)
	return ok
}

// walk answers converts, and the smallest depth of a named instance still
// being answered that it met (math.MaxInt for none): an answer "no" that
// met one may change once that one is answered, so it is not kept.
func (r *revivals) walk(t *model.Type, env map[string]bool, depth int) (bool, int) {
	low := math.MaxInt
	if t == nil || !r.active() {
		return false, low
	}
	if r.scalar(t) {
		return true, low
	}
	switch t.Kind {
	case model.KindPointer, model.KindSlice, model.KindMap:
		return r.walk(t.Elem, env, depth)
	case model.KindArray:
		if t.Base64 {
			return false, low
		}
		return r.walk(t.Elem, env, depth)
	case model.KindStruct:
		for _, f := range revivedFields(t) {
			ok, l := r.walk(f.Type, env, depth)
			if ok {
				return true, low
			}
			low = min(low, l)
		}
		return false, low
	case model.KindTypeParam:
		return env[t.Name], low
	case model.KindNamed:
		n := r.prog.Lookup(t.Pkg, t.Name)
		if n == nil {
			return false, low
		}
		args := make([]bool, len(t.TypeArgs))
		for i, a := range t.TypeArgs {
			ok, l := r.walk(a, env, depth)
			args[i], low = ok, min(low, l)
		}
		ok, l := r.named(t.Pkg, n, args, depth+1)
		return ok, min(low, l)
	}
	return false, low
}

// named answers for the instance of n whose type arguments convert as args
// say.
func (r *revivals) named(pkg string, n *model.Named, args []bool, depth int) (bool, int) {
	key := pkg + "." + n.Name + fmt.Sprint(args)
	if ok, known := r.memo[key]; known {
		return ok, math.MaxInt
	}
	if d, on := r.on[key]; on {
		return false, d
	}
	r.on[key] = depth
	env := map[string]bool{}
	for i, p := range n.TypeParams {
		env[p] = i < len(args) && args[i]
	}
	ok, low := r.walk(n.Type, env, depth)
	delete(r.on, key)
	if ok || low >= depth {
		r.memo[key] = ok
	}
	return ok, low
}

// declared reports whether n gets a reviver of its own: some instance of it
// converts, and it is not a scalar, which is converted where it is used.
func (r *revivals) declared(pkg string, n *model.Named) bool {
	if n.Type == nil || r.scalar(n.Type) {
		return false
	}
	args := make([]bool, len(n.TypeParams))
	for i := range args {
		args[i] = true
	}
	ok, _ := r.named(pkg, n, args, 1)
	return ok
}

// revivedFields returns the members of a struct that the client may
// convert: not those of a quoted number (a string in TypeScript too) nor
// those whose TypeScript type a ts_type tag gives.
func revivedFields(t *model.Type) []*model.Field {
	var out []*model.Field
	for _, f := range t.Fields {
		if !f.Quoted && f.TSType == "" {
			out = append(out, f)
		}
	}
	if t.Fallback != nil {
		out = append(out, t.Fallback)
	}
	return out
}

// reviverName is the name of the reviver of the named type name.
func reviverName(name string) string { return "$" + name }

// reviverArg is the name of the reviver parameter for type parameter p: a
// leading underscore, so that tsc allows it to go unused.
func reviverArg(p string) string { return "_" + p + "$" }

// The conversions below run in two passes: first with collect set, only
// to record what the module imports (runtime helpers, other modules'
// revivers), so that the import set can name everything before the module
// is written; then to write it.

// runtimeValue returns the local name of a function of the runtime,
// importing it.
func (m *module) runtimeValue(name string) string {
	if local, ok := m.runtime[name]; ok {
		return local
	}
	local := m.imports.add(runtimeSpecifier, name, false)
	m.runtime[name] = local
	return local
}

// reviverRef returns how the module refers to the reviver of a named type,
// importing it from another module.
func (m *module) reviverRef(pkgPath, name string) string {
	if pkgPath == m.pkg.Path {
		return reviverName(name)
	}
	pkg := m.prog.Package(pkgPath)
	if m.collect {
		m.imports.addValue(pkg, reviverName(name))
		return reviverName(name)
	}
	return m.imports.localName(pkg, reviverName(name))
}

// globalValue returns how the module refers to a global value that one of
// its own values may hide.
func (m *module) globalValue(name string) string {
	for _, v := range m.localValueNames() {
		if v == name {
			return "globalThis." + name
		}
	}
	return name
}

// bools returns which type parameters of env convert.
func bools(env map[string]string) map[string]bool {
	out := map[string]bool{}
	for k, v := range env {
		out[k] = v != ""
	}
	return out
}

// convert returns the expression that converts x, the JSON of a value of
// type t, into its TypeScript value, or "" when there is nothing to
// convert. x is evaluated more than once, so it must have no effects. env
// maps the type parameters in scope to the expressions of their revivers
// ("" for one whose argument converts nothing).
func (m *module) convert(t *model.Type, x string, env map[string]string) string {
	if t == nil || !m.rev.converts(t, bools(env)) {
		return ""
	}
	switch t.Kind {
	case model.KindTime:
		return m.runtimeValue("date") + "(" + x + ")"
	case model.KindInt, model.KindDuration:
		return m.globalValue("BigInt") + "(" + x + ")"
	case model.KindPointer:
		for t.Kind == model.KindPointer && t.Elem != nil {
			t = t.Elem
		}
		return x + " == null ? " + x + " : " + m.convert(t, x, env)
	case model.KindSlice, model.KindArray:
		return x + ".map(" + m.reviverFn(t.Elem, env) + ")"
	case model.KindMap:
		return m.runtimeValue("record") + "(" + x + ", " + m.reviverFn(t.Elem, env) + ")"
	case model.KindStruct:
		var b strings.Builder
		b.WriteString("((o: any) => {")
		for _, s := range m.memberStatements(t, "o", env) {
			b.WriteString(" " + s)
		}
		b.WriteString(" return o; })(" + x + ")")
		return b.String()
	case model.KindTypeParam:
		return env[t.Name] + "(" + x + ")"
	case model.KindNamed:
		n := m.prog.Lookup(t.Pkg, t.Name)
		if m.rev.scalar(n.Type) {
			// An enum's constants are a union of literals: the value
			// is one of them.
			name, err := m.typeExpr(t, atResult)
			if err != nil {
				name = "any"
			}
			return "(" + m.convert(n.Type, x, nil) + " as " + name + ")"
		}
		call := m.reviverRef(t.Pkg, n.Name) + "(" + x
		for _, a := range t.TypeArgs {
			fn := m.reviverFn(a, env)
			if fn == "" {
				fn = "(x: any) => x"
			}
			call += ", " + fn
		}
		return call + ")"
	}
	return ""
}

// reviverFn returns the expression of a function that converts the JSON of
// a t, or "" when there is nothing to convert.
func (m *module) reviverFn(t *model.Type, env map[string]string) string {
	if t == nil || !m.rev.converts(t, bools(env)) {
		return ""
	}
	switch t.Kind {
	case model.KindTypeParam:
		return env[t.Name]
	case model.KindNamed:
		if n := m.prog.Lookup(t.Pkg, t.Name); n != nil && len(t.TypeArgs) == 0 && !m.rev.scalar(n.Type) {
			return m.reviverRef(t.Pkg, n.Name)
		}
	}
	return "(x: any) => " + m.convert(t, "x", env)
}

// memberStatements returns the statements that convert the members of the
// struct t held by the variable v.
func (m *module) memberStatements(t *model.Type, v string, env map[string]string) []string {
	var out []string
	for _, f := range t.Fields {
		if f.Quoted || f.TSType != "" {
			continue
		}
		acc := v + "." + f.Name
		if !isIdentifier(f.Name) {
			acc = v + "[" + quote(f.Name) + "]"
		}
		ft, guard := f.Type, f.Optional
		for ft != nil && ft.Kind == model.KindPointer && ft.Elem != nil {
			ft, guard = ft.Elem, true
		}
		conv := m.convert(ft, acc, env)
		switch {
		case conv == "":
		case guard:
			out = append(out, "if ("+acc+" != null) "+acc+" = "+conv+";")
		default:
			out = append(out, acc+" = "+conv+";")
		}
	}
	if fb := t.Fallback; fb != nil {
		if conv := m.convert(fb.Type, v+"[k]", env); conv != "" {
			var known []string
			for _, f := range t.Fields {
				known = append(known, quote(f.Name))
			}
			out = append(out, "for (const k of Object.keys("+v+")) if (!["+strings.Join(known, ", ")+"].includes(k)) "+v+"[k] = "+conv+";")
		}
	}
	return out
}

// writeReviver writes the reviver of the named type n, if it has one.
func (m *module) writeReviver(b *strings.Builder, n *model.Named) {
	if !m.rev.declared(m.pkg.Path, n) {
		return
	}
	name := n.Name
	params := []string{"v: any"}
	env := map[string]string{}
	if len(n.TypeParams) > 0 {
		name += "<" + strings.Join(n.TypeParams, ", ") + ">"
		for _, p := range n.TypeParams {
			env[p] = reviverArg(p)
			params = append(params, reviverArg(p)+": (x: any) => "+p)
		}
	}
	var body []string
	if n.Type.Kind == model.KindStruct {
		body = append(m.memberStatements(n.Type, "v", env), "return v;")
	} else {
		body = []string{"return " + m.convert(n.Type, "v", env) + ";"}
	}
	if m.collect {
		return
	}
	b.WriteString("\n")
	what := m.rev.what()
	doc := fmt.Sprintf("Turns the JSON of a {@link %s} into one: %s. The functions of this\nclient call it on the results they receive; anything else that reads one\nas JSON can too.", n.Name, what)
	if len(n.TypeParams) > 0 {
		doc += " It takes the function that does the same for each type argument."
	}
	writeDoc(b, "", doc)
	fmt.Fprintf(b, "export function %s%s(%s): %s {\n", reviverName(n.Name), typeParamList(n), strings.Join(params, ", "), name)
	for _, s := range body {
		b.WriteString("  " + s + "\n")
	}
	b.WriteString("}\n")
}

func typeParamList(n *model.Named) string {
	if len(n.TypeParams) == 0 {
		return ""
	}
	return "<" + strings.Join(n.TypeParams, ", ") + ">"
}

// what says what the revivers convert.
func (r *revivals) what() string {
	switch {
	case r.opts.Dates && r.opts.bigint():
		return "its times into Dates and its 64-bit integers into bigints"
	case r.opts.Dates:
		return "its times into Dates"
	}
	return "its 64-bit integers into bigints"
}

// collectRevivers runs the conversions of the module once for their
// imports.
func (m *module) collectRevivers() {
	if !m.rev.active() {
		return
	}
	m.collect = true
	var b strings.Builder
	for _, n := range m.pkg.Types {
		m.writeReviver(&b, n)
	}
	for _, a := range m.pkg.Actions {
		m.reviverFn(a.Result, nil)
	}
	m.collect = false
}

// runtimeMode returns the lines of runtime.ts between "mode:begin" and
// "mode:end" for opts: the headers every call sends, and the replacer of
// JSON.stringify for the arguments.
func runtimeMode(opts Options) string {
	headers, replacer := "{}", "undefined"
	if opts.bigint() {
		headers = "{ " + quote(actions.Int64Header) + ": \"string\" }"
	}
	if opts.Dates || opts.bigint() {
		replacer = "toWire"
	}
	return "const wireHeaders: Record<string, string> = " + headers + ";\n" +
		"const replacer: typeof toWire | undefined = " + replacer + ";\n"
}
