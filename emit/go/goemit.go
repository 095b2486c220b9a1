// Package goemit writes the Go glue of the actions a package declares: one
// actions_gen.go per package, whose Actions function describes each action to
// the runtime and calls it with typed arguments.
//
// The glue is plain generated code, with no reflection over the functions at
// call time: each argument is decoded into a local of the parameter's type
// and the function is called directly. It is written with jennifer, formatted
// with go/format, and byte-for-byte deterministic for a given model.
//
// The model spells the types the glue names (Param.GoType) and names every
// package the glue imports (Package.GoImports), as the scanner found them in
// go/types: the glue writes them as they are, and declares its imports
// itself, grouped as goimports groups them.
package goemit

import (
	"bytes"
	"fmt"
	"go/format"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/actionsgo/actions/emit"
	"github.com/actionsgo/actions/model"
	"github.com/dave/jennifer/jen"
)

// FileName is the name of the generated file in each package directory.
const FileName = "actions_gen.go"

// Generate returns the glue of every package of prog that has actions, in
// the order of prog.Packages: one FileName in each package's directory.
//
// Packages are rendered in parallel, since formatting dominates the cost and
// each file is independent; the result is the same as one after the other,
// and the error reported is that of the first failing package in order.
func Generate(prog *model.Program) ([]emit.File, error) {
	var todo []*model.Package
	for _, pkg := range prog.Packages {
		if len(pkg.Actions) > 0 {
			todo = append(todo, pkg)
		}
	}
	srcs := make([][]byte, len(todo))
	errs := make([]error, len(todo))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for i := range next {
				srcs[i], errs[i] = generatePackage(prog, todo[i])
			}
		})
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()

	files := make([]emit.File, 0, len(todo))
	for i, pkg := range todo {
		if errs[i] != nil {
			return nil, fmt.Errorf("generating the Go glue of %s: %w", pkg.Path, errs[i])
		}
		files = append(files, emit.File{Path: filepath.Join(pkg.Dir, FileName), Content: srcs[i]})
	}
	return files, nil
}

// generator writes the glue of one package.
type generator struct {
	prog *model.Program
	pkg  *model.Package
	used map[string]bool // the import paths the file refers to
	err  error           // the first reference to a package the model does not name
}

// generatePackage renders the glue of pkg, formatted.
func generatePackage(prog *model.Program, pkg *model.Package) ([]byte, error) {
	g := &generator{prog: prog, pkg: pkg, used: map[string]bool{}}
	var decls []jen.Code
	decls = append(decls,
		jen.Comment("Glue made for another version of the runtime stops compiling here,"),
		jen.Comment("naming the version it was made for: run go generate again."),
		/* const _ = actions.GeneratedCodeVersion2 */
		jen.Const().Id("_").Op("=").Add(g.qual(actionsPath, "GeneratedCodeVersion2")),
		jen.Line(),
	)
	pins, err := g.pins()
	if err != nil {
		return nil, err
	}
	decls = append(decls, pins, jen.Line())
	for _, group := range groups(pkg.Actions) {
		fn, err := g.actionsFunc(group)
		if err != nil {
			return nil, err
		}
		decls = append(decls, fn, jen.Line())
	}
	if g.err != nil {
		return nil, g.err
	}

	f := jen.NewFilePathName(pkg.Path, pkg.Name)
	// Formatting is done below, so a failure can show the source.
	f.NoFormat = true
	f.HeaderComment(emit.Header)
	// Every package is named as the model names it, so jennifer imports
	// nothing itself: the file's imports are declared here.
	f.Add(g.imports())
	for _, d := range decls {
		f.Add(d)
	}
	var raw bytes.Buffer
	if err := f.Render(&raw); err != nil {
		return nil, err
	}
	return formatSource(raw.Bytes())
}

// qual refers to the identifier name of the package at path, by the name
// the model gives the package in the file (Package.GoImports).
func (g *generator) qual(path, name string) *jen.Statement {
	if path == g.pkg.Path {
		return jen.Id(name)
	}
	imp := g.pkg.GoImport(path)
	if imp == nil {
		if g.err == nil {
			g.err = fmt.Errorf("the model names no import of %s (Package.GoImports)", path)
		}
		return jen.Id(name)
	}
	g.used[path] = true
	/* pkg.Name */
	return jen.Id(imp.Name).Dot(name)
}

// goType writes the Go spelling of a parameter's or result's type, as the
// model has it.
func (g *generator) goType(t *model.GoType) (*jen.Statement, error) {
	if t == nil || t.Expr == "" {
		return nil, fmt.Errorf("no Go spelling of the type (GoType)")
	}
	for _, path := range t.Imports {
		if g.pkg.GoImport(path) == nil {
			return nil, fmt.Errorf("type %s: the model names no import of %s (Package.GoImports)", t.Expr, path)
		}
		g.used[path] = true
	}
	/* map[string]geo.Point */
	return jen.Id(t.Expr), nil
}

// imports declares the packages the file refers to, sorted by path: the
// standard library first, then the others after a blank line, as
// goimports groups them.
func (g *generator) imports() jen.Code {
	var std, other []jen.Code
	for _, imp := range g.pkg.GoImports {
		if !g.used[imp.Path] {
			continue
		}
		/* "context", or geo2 "example.com/geo" */
		spec := jen.Lit(imp.Path)
		if imp.Alias {
			spec = jen.Id(imp.Name).Lit(imp.Path)
		}
		if first, _, _ := strings.Cut(imp.Path, "/"); strings.Contains(first, ".") {
			other = append(other, spec)
		} else {
			std = append(std, spec)
		}
	}
	specs := std
	if len(std) > 0 && len(other) > 0 {
		specs = append(specs, jen.Line())
	}
	specs = append(specs, other...)
	/* import ( ... ) */
	return jen.Id("import").Custom(jen.Options{Open: "(", Close: ")", Multi: true}, specs...)
}

// pins declares the signature of every action as the glue was made for it.
// The call sites alone would not catch every change: a result is returned
// as an any, so a function whose result type changed would still compile
// while the TypeScript client expects the old type.
func (g *generator) pins() (jen.Code, error) {
	specs := make([]jen.Code, len(g.pkg.Actions))
	for i, a := range g.pkg.Actions {
		sig, err := g.signature(a)
		if err != nil {
			return nil, fmt.Errorf("action %s: %w", a.Name, err)
		}
		/* _ func(context.Context, Item) (Cart, error) = AddToCart */
		fn := jen.Id(a.Name)
		if a.Receiver != nil {
			/* _ func(*Store, context.Context) error = (*Store).Save */
			fn = jen.Parens(jen.Op("*").Id(a.Receiver.Type)).Dot(a.Name)
		}
		specs[i] = jen.Id("_").Add(sig).Op("=").Add(fn)
	}
	return jen.Comment("The signature of each action as this file was made for it: a function").
		Line().Comment("changed since is a compile error here, not a surprise for the client.").
		Line().Var().Defs(specs...), nil
}

// signature spells the Go function type of an action.
func (g *generator) signature(a *model.Action) (jen.Code, error) {
	var params []jen.Code
	if a.Receiver != nil {
		/* the method expression's receiver: *Store */
		params = append(params, jen.Op("*").Id(a.Receiver.Type))
	}
	if a.Context {
		params = append(params, g.qual(contextPath, "Context"))
	}
	for _, p := range a.Params {
		t, err := g.goType(p.GoType)
		if err != nil {
			return nil, fmt.Errorf("parameter %s: %w", p.Name, err)
		}
		params = append(params, t)
	}
	/* func(context.Context, Item) */
	sig := jen.Func().Params(params...)
	var result jen.Code
	if a.Result != nil {
		item, err := g.goType(a.ResultGoType)
		if err != nil {
			return nil, fmt.Errorf("result: %w", err)
		}
		switch a.Stream {
		case model.StreamSeq:
			/* iter.Seq[Item] */
			result = g.qual(iterPath, "Seq").Index(item)
		case model.StreamSeq2:
			/* iter.Seq2[Item, error] */
			result = g.qual(iterPath, "Seq2").Index(jen.List(item, jen.Error()))
		default:
			result = item
		}
	}
	switch {
	case result != nil && a.Error:
		/* (Cart, error) */
		sig.Params(result, jen.Error())
	case result != nil:
		/* Cart */
		sig.Add(result)
	case a.Error:
		/* error */
		sig.Error()
	}
	return sig, nil
}

// group is the actions one function of the glue returns: the package's
// functions (Receiver nil), or the methods of one service type.
type group struct {
	receiver string // the service type, "" for functions
	actions  []*model.Action
}

// groups splits actions into the functions, then each service type's
// methods in the order of its first action; a kind with no actions has no
// group, except that a package with only methods has no Actions function.
func groups(actions []*model.Action) []group {
	var out []group
	index := map[string]int{}
	for _, a := range actions {
		key := ""
		if a.Receiver != nil {
			key = a.Receiver.Type
		}
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, group{receiver: key})
		}
		out[i].actions = append(out[i].actions, a)
	}
	// The functions' Actions first, as the file has always begun.
	slices.SortStableFunc(out, func(a, b group) int {
		return boolOrder(a.receiver != "", b.receiver != "")
	})
	return out
}

func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// actionsFunc declares Actions, which lists the package's function actions
// in model order, or <T>Actions(s *T) for the methods of service T, bound
// to s.
func (g *generator) actionsFunc(gr group) (jen.Code, error) {
	enums := g.groupEnums(gr.actions)
	locals := g.enumLocals(enums, g.functionNames(gr.actions))
	elems := make([]jen.Code, len(gr.actions))
	byAddress := false
	for i, a := range gr.actions {
		elem, err := g.action(a, locals)
		if err != nil {
			return nil, fmt.Errorf("action %s: %w", a.Name, err)
		}
		elems[i] = elem
		byAddress = byAddress || (a.Result != nil && a.Stream == "" && g.returnsAddress(a.Result))
	}
	note := ""
	if byAddress {
		note = "\n\nA result of a struct or array type, or of a type that marshals itself, is\n" +
			"returned by address: the codec uses the marshal methods declared on a\n" +
			"pointer type only for an addressable value."
	}
	var body []jen.Code
	if len(enums) > 0 {
		body = append(body, jen.Comment("The values of the enums the arguments hold: the handler refuses any"),
			jen.Comment("other, save the zero value."))
		for _, e := range enums {
			body = append(body, g.enumDecl(e, locals[enumKey(e)]))
		}
		body = append(body, jen.Line())
	}
	body = append(body, jen.Return(jen.Index().Add(g.qual(actionsPath, "Action")).Custom(multiline, elems...)))
	if gr.receiver == "" {
		doc := fmt.Sprintf("%s returns the actions of package %s, to serve with actions.NewHandler.", emit.ActionsFunc, g.pkg.Name)
		/*
			func Actions() []actions.Action {
				return []actions.Action{ ... }
			}
		*/
		return comment(doc + note).Func().Id(emit.ActionsFunc).Params().Index().Add(g.qual(actionsPath, "Action")).Block(body...), nil
	}
	name := gr.receiver + emit.ActionsFunc
	doc := fmt.Sprintf("%s returns the actions of the %s service s, to serve with\nactions.NewHandler: each calls its method on s, which must not be nil.", name, gr.receiver)
	/*
		func StoreActions(s *Store) []actions.Action {
			if s == nil {
				panic("notes.StoreActions: nil *Store")
			}
			return []actions.Action{ ... }
		}
	*/
	return comment(doc + note).Func().Id(name).Params(jen.Id(serviceParam).Op("*").Id(gr.receiver)).Index().Add(g.qual(actionsPath, "Action")).Block(
		append([]jen.Code{
			jen.If(jen.Id(serviceParam).Op("==").Nil()).Block(
				jen.Panic(jen.Lit(fmt.Sprintf("%s.%s: nil *%s", g.pkg.Name, name, gr.receiver))),
			),
		}, body...)...,
	), nil
}

// serviceParam is the parameter of a <T>Actions function: the service.
const serviceParam = "s"

// multiline renders a composite literal's elements one per line.
var multiline = jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}

// action renders the actions.Action of a; enums names the local that
// holds the values of each closed enum, by enumRef.key.
func (g *generator) action(a *model.Action, enums map[string]string) (jen.Code, error) {
	/* ID: "cart.AddToCart", */
	fields := []jen.Code{jen.Id("ID").Op(":").Lit(a.ID)}
	if len(a.Params) > 0 {
		params := make([]jen.Code, len(a.Params))
		for i, p := range a.Params {
			t, err := g.goType(p.GoType)
			if err != nil {
				return nil, fmt.Errorf("parameter %s: %w", p.Name, err)
			}
			args := []jen.Code{jen.Lit(p.Name)}
			for _, e := range g.prog.ClosedEnums(p.Type) {
				args = append(args, jen.Id(enums[enumKey(e)]))
			}
			/* actions.Param[Item]("item"), or actions.Param[Item]("item", enumStatus) */
			params[i] = g.qual(actionsPath, "Param").Index(t).Call(args...)
		}
		list := jen.Values(params...)
		if len(params) > 1 {
			list = jen.Custom(multiline, params...)
		}
		/* Params: []actions.Parameter{actions.Param[Item]("item"), …}, */
		fields = append(fields, jen.Id("Params").Op(":").Index().Add(g.qual(actionsPath, "Parameter")).Add(list))
	}
	if a.Result != nil {
		/* Returns: true, */
		fields = append(fields, jen.Id("Returns").Op(":").True())
	}
	if a.Stream != "" {
		/* Stream: true, */
		fields = append(fields, jen.Id("Stream").Op(":").True())
	}
	if a.Get {
		/* Get: true, */
		fields = append(fields, jen.Id("Get").Op(":").True())
	}
	if a.CacheSeconds > 0 {
		/* Cache: 30 * time.Second, */
		fields = append(fields, jen.Id("Cache").Op(":").Add(g.duration(a.CacheSeconds)))
	}
	if a.Files {
		/* Files: true, */
		fields = append(fields, jen.Id("Files").Op(":").True())
	}
	if a.Form != nil {
		/* Form: []actions.FormField{{Name: "email", Kind: actions.FormString}, …}, */
		fields = append(fields, jen.Id("Form").Op(":").Index().Add(g.qual(actionsPath, "FormField")).Custom(multiline, g.formFields(a.Form)...))
	}
	call, err := g.call(a)
	if err != nil {
		return nil, err
	}
	/* Call: func(ctx context.Context, args []any) (any, error) { ... }, */
	fields = append(fields, jen.Id("Call").Op(":").Add(call))
	// Last, after the multi-line Call, so that gofmt aligns nothing anew.
	/* Fingerprint: "3f2a9c01d4e5", */
	fields = append(fields, jen.Id("Fingerprint").Op(":").Lit(g.prog.Fingerprint(a)))
	return jen.Custom(multiline, fields...), nil
}

// glueNames are the identifiers a Call literal declares. They are ctx,
// args, err and result, unless the action itself has one of these names (an
// unexported function may): then the name gets a number, so the literal can
// still call the function.
type glueNames struct {
	ctx, args, err, result string
}

func newGlueNames(a *model.Action, pkg *model.Package) glueNames {
	taken := map[string]bool{a.Name: true}
	for _, imp := range pkg.GoImports {
		taken[imp.Name] = true
	}
	// The literal's types must not be hidden either.
	for _, p := range a.Params {
		for _, id := range exprIdents(p.GoType) {
			taken[id] = true
		}
	}
	free := func(base string) string {
		name := base
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s%d", base, i)
		}
		taken[name] = true
		return name
	}
	return glueNames{ctx: free("ctx"), args: free("args"), err: free("err"), result: free("result")}
}

// call renders the Call literal of a: call the function with each decoded
// argument, taken from the pointer the runtime made with the parameter's
// Param, and return its result and error.
func (g *generator) call(a *model.Action) (jen.Code, error) {
	ids := newGlueNames(a, g.pkg)
	args := make([]jen.Code, 0, len(a.Params)+1)
	if a.Context {
		args = append(args, jen.Id(ids.ctx))
	}
	for i, p := range a.Params {
		t, err := g.goType(p.GoType)
		if err != nil {
			return nil, fmt.Errorf("parameter %s: %w", p.Name, err)
		}
		/* *args[0].(*Item) */
		args = append(args, jen.Op("*").Id(ids.args).Index(jen.Lit(i)).Assert(jen.Op("*").Add(t)))
	}
	/* AddToCart(ctx, *args[0].(*Item)) */
	call := jen.Id(a.Name).Call(args...)
	if a.Receiver != nil {
		/* s.Save(ctx, *args[0].(*Note)) */
		call = jen.Id(serviceParam).Dot(a.Name).Call(args...)
	}
	body := g.returnCall(a, call, ids)

	// Name the literal's parameters only where the body uses them.
	ctx, argsParam := jen.Id("_"), jen.Id("_")
	if a.Context {
		ctx = jen.Id(ids.ctx)
	}
	if len(a.Params) > 0 {
		argsParam = jen.Id(ids.args)
	}
	if !a.Context && len(a.Params) == 0 {
		ctx, argsParam = jen.Null(), jen.Null()
	}
	/* func(ctx context.Context, args []any) (any, error) { ... } */
	return jen.Func().Params(
		ctx.Add(g.qual(contextPath, "Context")),
		argsParam.Index().Any(),
	).Params(jen.Any(), jen.Error()).Block(body...), nil
}

// returnCall calls the function and returns what Call returns, by the
// shape of its results.
func (g *generator) returnCall(a *model.Action, call *jen.Statement, ids glueNames) []jen.Code {
	if a.Stream != "" {
		wrap := "Stream"
		if a.Stream == model.StreamSeq2 {
			wrap = "Stream2"
		}
		if !a.Error {
			/* return actions.Stream(F(a)), nil */
			return []jen.Code{jen.Return(g.qual(actionsPath, wrap).Call(call), jen.Nil())}
		}
		return []jen.Code{
			/* result, err := F(a) */
			jen.List(jen.Id(ids.result), jen.Id(ids.err)).Op(":=").Add(call),
			/* if err != nil { return nil, err } */
			jen.If(jen.Id(ids.err).Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id(ids.err))),
			/* return actions.Stream2(result), nil */
			jen.Return(g.qual(actionsPath, wrap).Call(jen.Id(ids.result)), jen.Nil()),
		}
	}
	if a.Result != nil && g.returnsAddress(a.Result) {
		if a.Error {
			return []jen.Code{
				/* result, err := F(a) */
				jen.List(jen.Id(ids.result), jen.Id(ids.err)).Op(":=").Add(call),
				/* return &result, err */
				jen.Return(jen.Op("&").Id(ids.result), jen.Id(ids.err)),
			}
		}
		return []jen.Code{
			/* result := F(a) */
			jen.Id(ids.result).Op(":=").Add(call),
			/* return &result, nil */
			jen.Return(jen.Op("&").Id(ids.result), jen.Nil()),
		}
	}
	switch {
	case a.Result != nil && a.Error:
		/* return F(a) */
		return []jen.Code{jen.Return(call)}
	case a.Result != nil:
		/* return F(a), nil */
		return []jen.Code{jen.Return(call, jen.Nil())}
	case a.Error:
		/* return nil, F(a) */
		return []jen.Code{jen.Return(jen.Nil(), call)}
	}
	return []jen.Code{
		/* F(a) */
		call,
		/* return nil, nil */
		jen.Return(jen.Nil(), jen.Nil()),
	}
}

// returnsAddress reports whether a result of type t is returned by address.
// encoding/json calls a MarshalJSON or MarshalText declared on *T only for
// an addressable T, and a value inside an interface is not addressable: the
// runtime would encode such a result field by field, unlike what the client
// expects. A struct or array may hold such a T with no pointer in between,
// and a type that marshals itself may be such a T. Other kinds cannot have
// these methods without being a marshaler kind, or reach their elements
// through a pointer already (slices), or never make them addressable (maps).
func (g *generator) returnsAddress(t *model.Type) bool {
	switch t.Kind {
	case model.KindStruct, model.KindArray, model.KindMarshaler, model.KindTextMarshaler:
		return true
	case model.KindNamed:
		n := g.prog.Lookup(t.Pkg, t.Name)
		// A declaration missing from the model is a scanner bug; by
		// address is right for any type.
		return n == nil || n.Type == nil || g.returnsAddress(n.Type)
	}
	return false
}

// comment renders text as // comment lines.
func comment(text string) *jen.Statement {
	s := jen.Null()
	for _, line := range strings.Split(text, "\n") {
		if line == "" {
			s.Comment("//").Line()
		} else {
			s.Comment(line).Line()
		}
	}
	return s
}

// formatSource formats generated Go source. A failure is a bug of the
// emitter: the error shows the source with line numbers, so the line that
// go/format points at can be found, and nothing unformatted is returned.
func formatSource(src []byte) ([]byte, error) {
	out, err := format.Source(src)
	if err == nil {
		return out, nil
	}
	var numbered strings.Builder
	for i, line := range strings.Split(strings.TrimSuffix(string(src), "\n"), "\n") {
		fmt.Fprintf(&numbered, "%4d  %s\n", i+1, line)
	}
	return nil, fmt.Errorf("formatting the generated source: %v\n%s", err, numbered.String())
}

// duration spells a whole number of seconds as Go: time.Minute, 90 * time.Second.
func (g *generator) duration(seconds int64) jen.Code {
	for _, u := range []struct {
		name string
		n    int64
	}{{"Hour", 3600}, {"Minute", 60}, {"Second", 1}} {
		if seconds%u.n == 0 {
			if seconds == u.n {
				return g.qual(timePath, u.name)
			}
			return jen.Lit(int(seconds / u.n)).Op("*").Add(g.qual(timePath, u.name))
		}
	}
	return nil // unreachable: every whole number of seconds has a unit
}

// formKinds names the runtime's constant of each kind of form field.
var formKinds = map[model.FormKind]string{
	model.FormString: "FormString",
	model.FormBool:   "FormBool",
	model.FormInt:    "FormInt",
	model.FormUint:   "FormUint",
	model.FormFloat:  "FormFloat",
	model.FormTime:   "FormTime",
	model.FormFile:   "FormFile",
}

// formFields spells the form fields of a form action, one a line.
func (g *generator) formFields(fields []*model.FormField) []jen.Code {
	out := make([]jen.Code, len(fields))
	for i, f := range fields {
		/* {Name: "qty", Kind: actions.FormInt, Bits: 8} */
		field := func(name string, value jen.Code) jen.Code { return jen.Id(name).Op(":").Add(value) }
		d := []jen.Code{field("Name", jen.Lit(f.Name)), field("Kind", g.qual(actionsPath, formKinds[f.Kind]))}
		if f.Bits > 0 {
			d = append(d, field("Bits", jen.Lit(f.Bits)))
		}
		if len(f.Enum) > 0 {
			values := make([]jen.Code, len(f.Enum))
			for j, e := range f.Enum {
				values[j] = jen.Lit(e)
			}
			d = append(d, field("Enum", jen.Index().String().Values(values...)))
		}
		if f.Multiple {
			d = append(d, field("Multiple", jen.True()))
		}
		if f.Optional {
			d = append(d, field("Optional", jen.True()))
		}
		out[i] = jen.Values(d...)
	}
	return out
}
