package scan

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/actionsgo/actions/emit"
	"github.com/actionsgo/actions/internal/tsname"
	"github.com/actionsgo/actions/model"
)

// marks returns the functions and methods that the directives in files
// mark, in source order (the exported methods of a type marked as a
// service among them), and the types so marked, and reports every
// misplaced or malformed directive. used says whether there was any
// directive at all, right or wrong. It reads syntax only: what the marks
// reach is type-checked after it.
func (s *scanner) marks(files []*ast.File) (marked []mark, services []serviceMark, used bool) {
	misused := false
	for _, f := range files {
		if s.leftOut(f) {
			misused = true
			continue
		}
		fns, svcs, bad := s.fileMarks(f)
		marked = append(marked, fns...)
		services = append(services, svcs...)
		misused = misused || bad
	}
	if len(services) > 0 {
		isService := map[string]bool{}
		for _, svc := range services {
			isService[svc.spec.Name.Name] = true
		}
		own := map[*ast.FuncDecl]bool{}
		for _, m := range marked {
			own[m.fn] = true
		}
		for _, f := range files {
			for _, decl := range f.Decls {
				fn, ok := decl.(*ast.FuncDecl)
				if ok && fn.Recv != nil && fn.Name.IsExported() && !own[fn] && isService[first(receiverOf(fn))] {
					marked = append(marked, mark{fn: fn})
				}
			}
		}
		slices.SortFunc(marked, func(a, b mark) int { return int(a.fn.Pos() - b.fn.Pos()) })
	}
	return marked, services, len(marked) > 0 || len(services) > 0 || misused
}

// scanPackage checks the functions and methods marked in one package
// loaded from source, and the types marked as services, reports the
// package's errors, and adds its actions to the Program.
func (s *scanner) scanPackage(p *packages.Package, marked []mark, services []serviceMark) {
	// Type errors in a package with actions are the user's to fix; its
	// actions are still checked so every problem shows in one run.
	for _, e := range p.Errors {
		if e.Kind == packages.TypeError && glueReference.MatchString(e.Msg) {
			continue
		}
		s.addError(e)
	}
	if p.Types == nil || p.TypesInfo == nil {
		return
	}
	pkg := s.packageOf(p.Types)
	pkg.Dir = p.Dir
	for _, f := range p.Syntax {
		for _, id := range topLevelNames(f) {
			// All of them, reached or not: the glue's imports must not
			// take any (the checker saw only what actions reach).
			s.topNames[pkg] = append(s.topNames[pkg], id.Name)
		}
	}
	marked = s.services(p, marked, services)
	for _, m := range marked {
		obj, _ := p.TypesInfo.Defs[m.fn.Name].(*types.Func)
		if obj == nil {
			continue
		}
		if a := s.action(m.fn, obj, m.opts); a != nil {
			pkg.Actions = append(pkg.Actions, a)
		}
	}
	s.checkGlueNames(p, pkg)
}

// checkGlueNames reports each package-level identifier of p that the glue
// of a package with actions declares itself (see emit.GlueNames): the glue
// would not compile beside it.
func (s *scanner) checkGlueNames(p *packages.Package, pkg *model.Package) {
	reserved := map[string]bool{}
	for _, name := range emit.GlueNames(pkg) {
		reserved[name] = true
	}
	for _, f := range p.Syntax {
		for _, id := range topLevelNames(f) {
			if reserved[id.Name] {
				s.errorf(id.Pos(), "%s is declared by the generated %s of every package with actions; rename this one", id.Name, genFile)
			}
		}
	}
}

// topLevelNames returns the identifiers that f declares in its package's
// scope: functions (methods are not), types, variables and constants.
func topLevelNames(f *ast.File) []*ast.Ident {
	var ids []*ast.Ident
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			if decl.Recv == nil {
				ids = append(ids, decl.Name)
			}
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					ids = append(ids, spec.Name)
				case *ast.ValueSpec:
					ids = append(ids, spec.Names...)
				}
			}
		}
	}
	return ids
}

// glueReference matches the type error of a use of the Actions function
// that the generator declares in the glue of a package with actions, such
// as a handler built with cart.Actions() in the package itself or beside
// it. Before the first run the glue does not exist, and stale glue is read
// as a bare package clause, so such a use is undefined until the glue is
// written; it must not stop the run that writes it.
var glueReference = regexp.MustCompile(`^undefined: (\w+\.)?\w*` + emit.ActionsFunc + `$`)

// mark is a function or method the directives of a file mark as an
// action, with the options that apply to it.
type mark struct {
	fn   *ast.FuncDecl
	opts options
}

// serviceMark is a named type whose directive marks its methods.
type serviceMark struct {
	spec *ast.TypeSpec
	pos  token.Pos // of the directive
}

// fileMarks returns the functions and methods of f marked as actions, in
// source order, and the types marked as services. It reports every
// misplaced or malformed directive of f, and whether there was any.
func (s *scanner) fileMarks(f *ast.File) (marked []mark, services []serviceMark, misused bool) {
	ds := findDirectives(f)
	if len(ds) == 0 {
		return nil, nil, false
	}
	problem := func(pos token.Pos, format string, args ...any) {
		s.errorf(pos, format, args...)
		misused = true
	}
	var fileLevel *directive
	byFunc := map[*ast.FuncDecl][]directive{}
	for i := range ds {
		d := &ds[i]
		if d.ofType != "" {
			// The type's declaration reads it, if it has one.
			if _, ok := attachedType(f, d.group); !ok {
				problem(d.pos, "%s is not in the doc comment of a type declaration: it says what the values of a type are", d.ofType)
			} else if d.problem != "" {
				problem(d.pos, "%s", d.problem)
			}
			continue
		}
		if d.problem != "" {
			problem(d.pos, "%s", d.problem)
			continue
		}
		if d.group.End() < f.Package {
			if fileLevel != nil {
				problem(d.pos, "duplicate %s: the file already has one at line %d", directiveText, s.fset.Position(fileLevel.pos).Line)
				continue
			}
			if d.options != (options{}) {
				problem(d.pos, "options on the %s above the package clause would apply to every function of the file: give them to each function's own directive", directiveText)
				continue
			}
			fileLevel = d
			continue
		}
		if fn, ok := attachedFunc(f, d.group); ok {
			byFunc[fn] = append(byFunc[fn], *d)
			continue
		}
		if spec, ok := attachedType(f, d.group); ok {
			if d.options != (options{}) {
				problem(d.pos, "options on the %s of type %s would apply to every method: give them to each method's own directive", directiveText, spec.Name.Name)
				continue
			}
			services = append(services, serviceMark{spec: spec, pos: d.pos})
			continue
		}
		problem(d.pos, "%s", misplaced(f, d.pos))
	}

	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		own := byFunc[fn]
		switch {
		case len(own) == 0 && (fileLevel == nil || fn.Recv != nil || !fn.Name.IsExported()):
			continue
		case len(own) > 0 && fn.Name.Name == "init" && fn.Recv == nil:
			problem(own[0].pos, "%s on init: init cannot be called, so it cannot be an action", directiveText)
			continue
		}
		for i := 1; i < len(own); i++ {
			problem(own[i].pos, "duplicate %s on %s", directiveText, fn.Name.Name)
		}
		if len(own) > 0 && fileLevel != nil && fn.Recv == nil {
			problem(own[0].pos, "duplicate %s on %s: the directive above the package clause at line %d already marks every exported function of the file",
				directiveText, fn.Name.Name, s.fset.Position(fileLevel.pos).Line)
		}
		m := mark{fn: fn}
		if len(own) > 0 {
			m.opts = own[0].options
		}
		marked = append(marked, m)
	}
	return marked, services, misused
}

// attachedType returns the type declaration whose doc comment is g: the
// doc of a type spec, or of a declaration of one type spec.
func attachedType(f *ast.File, g *ast.CommentGroup) (*ast.TypeSpec, bool) {
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			if ts.Doc == g || gd.Doc == g && len(gd.Specs) == 1 {
				return ts, true
			}
		}
	}
	return nil, false
}

// receiverOf returns the name of the type of a method's receiver, and
// whether it is a pointer.
func receiverOf(fn *ast.FuncDecl) (name string, pointer bool) {
	if fn.Recv == nil || len(fn.Recv.List) != 1 {
		return "", false
	}
	t := fn.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t, pointer = star.X, true
	}
	switch t := t.(type) {
	case *ast.Ident:
		return t.Name, pointer
	case *ast.IndexExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			return id.Name, pointer
		}
	case *ast.IndexListExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			return id.Name, pointer
		}
	}
	return "", pointer
}

// services completes the marks of package p with the methods of the types
// marked as services, and checks every method mark's receiver: a service
// is an exported, non-generic, non-interface named type declared in p. It
// returns the marks to describe, methods of a service once each.
func (s *scanner) services(p *packages.Package, marked []mark, services []serviceMark) []mark {
	ok := map[string]bool{} // receiver type → can be a service
	check := func(name string, pos token.Pos) bool {
		can, seen := ok[name]
		if !seen {
			can = s.checkService(p, ast.NewIdent(name), pos)
			ok[name] = can
		}
		return can
	}
	has := map[string]bool{} // service type → has marked methods
	for _, m := range marked {
		if m.fn.Recv != nil {
			has[first(receiverOf(m.fn))] = true
		}
	}
	for _, svc := range services {
		name := svc.spec.Name.Name
		if !check(name, svc.pos) {
			continue
		}
		if !has[name] {
			s.errorf(svc.pos, "%s on type %s, which has no exported methods: it marks nothing", directiveText, name)
			continue
		}
		s.checkPromoted(p, name, svc.pos)
	}
	var out []mark
	for _, m := range marked {
		if m.fn.Recv == nil || check(first(receiverOf(m.fn)), m.fn.Name.Pos()) {
			out = append(out, m)
		}
	}
	return out
}

// checkService reports why the type called id in p cannot be a service,
// at pos, and whether it can. It reads the type's declaration, which the
// type checker may not have been given when no action reaches it.
func (s *scanner) checkService(p *packages.Package, id *ast.Ident, pos token.Pos) bool {
	spec := typeSpec(p.Syntax, id.Name)
	switch {
	case spec == nil:
		s.errorf(pos, "%s: the receiver is not a type declared in this package", directiveText)
	case spec.Assign.IsValid():
		s.errorf(pos, "%s on %s, an alias: put it on the type it names, in the package that declares it", directiveText, id.Name)
	case isInterface(spec.Type):
		s.errorf(pos, "%s on interface %s: an interface has no methods to call; put it on the type that implements them", directiveText, id.Name)
	case spec.TypeParams != nil:
		s.errorf(pos, "%s on generic type %s: the glue cannot choose its type arguments; declare a service type of the instance you serve", directiveText, id.Name)
	case !ast.IsExported(id.Name):
		s.errorf(pos, "%s on a method of unexported type %s: main must call the generated %sActions with a value of it; export the type", directiveText, id.Name, id.Name)
	default:
		return true
	}
	return false
}

// typeSpec returns the declaration of the package-level type name in files.
func typeSpec(files []*ast.File, name string) *ast.TypeSpec {
	for _, f := range files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				if ts := spec.(*ast.TypeSpec); ts.Name.Name == name {
					return ts
				}
			}
		}
	}
	return nil
}

// isInterface reports whether a type expression is an interface type.
func isInterface(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.InterfaceType)
	return ok
}

// checkPromoted reports the exported methods that the service type name
// gets from a field embedded from its own package: they are not declared on
// the type, so they are not actions, which the author of both may not
// expect. Methods promoted from other packages' types (a sync.Mutex) are
// left alone.
func (s *scanner) checkPromoted(p *packages.Package, name string, pos token.Pos) {
	obj := p.Types.Scope().Lookup(name)
	mset := types.NewMethodSet(types.NewPointer(obj.Type()))
	for sel := range mset.Methods() {
		m := sel.Obj()
		if len(sel.Index()) < 2 || !m.Exported() || m.Pkg() != p.Types {
			continue
		}
		s.errorf(pos, "%s: method %s of %s is promoted from an embedded field, so it is not an action; declare %s on %s itself, calling the embedded one",
			directiveText, m.Name(), name, m.Name(), name)
	}
}

// goName is how messages name an action: F, or T.M for a method.
func goName(a *model.Action) string {
	if a.Receiver != nil {
		return a.Receiver.Type + "." + a.Name
	}
	return a.Name
}

// attachedFunc returns the top-level function whose doc comment is g.
func attachedFunc(f *ast.File, g *ast.CommentGroup) (*ast.FuncDecl, bool) {
	for _, decl := range f.Decls {
		if fn, ok := decl.(*ast.FuncDecl); ok && fn.Doc == g {
			return fn, true
		}
	}
	return nil, false
}

// misplaced explains why a directive at pos, not in the doc comment of a
// top-level function nor above the package clause, marks nothing.
func misplaced(f *ast.File, pos token.Pos) string {
	const hint = "put it in the doc comment of a function or method, of a type for all its methods, or above the package clause for every exported function of the file"
	for _, decl := range f.Decls {
		if pos < decl.Pos() || pos >= decl.End() {
			if gd, ok := decl.(*ast.GenDecl); ok && gd.Doc != nil && pos >= gd.Doc.Pos() && pos < gd.Doc.End() {
				return fmt.Sprintf("%s on a %s declaration: only functions, methods and types can be marked", directiveText, gd.Tok)
			}
			continue
		}
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			return fmt.Sprintf("%s inside a function marks nothing; %s", directiveText, hint)
		case *ast.GenDecl:
			return fmt.Sprintf("%s on a %s declaration: only functions, methods and types can be marked", directiveText, decl.Tok)
		}
	}
	return fmt.Sprintf("%s is not attached to a function; %s", directiveText, hint)
}

// action checks the signature of a marked function or method and describes
// it with its options. It returns nil when it cannot be an action.
func (s *scanner) action(fn *ast.FuncDecl, obj *types.Func, opts options) *model.Action {
	name := fn.Name.Name
	sig := obj.Signature()
	pos := fn.Name.Pos()
	if fn.Recv != nil {
		name = goName(&model.Action{Name: name, Receiver: &model.Receiver{Type: first(receiverOf(fn))}})
	}
	if fn.Type.TypeParams != nil {
		s.errorf(pos, "%s is generic: a generic function cannot be an action, as the client cannot choose its type arguments", name)
		return nil
	}
	if sig.Variadic() {
		s.errorf(pos, "%s is variadic: a variadic function cannot be an action; take a slice instead", name)
		return nil
	}
	a := &model.Action{
		Name:   fn.Name.Name,
		TSName: cmp.Or(opts.name, tsname.Ident(fn.Name.Name)),
		Doc:    docText(fn.Doc),
		Pos:    s.position(pos),
		Get:    opts.get,
	}
	a.CacheSeconds = int64(opts.cache.Seconds())
	if fn.Recv != nil {
		t, pointer := receiverOf(fn)
		a.Receiver = &model.Receiver{Type: t, Pointer: pointer}
	}
	ok := true
	params := sig.Params()
	used := map[string]bool{}
	for i := range params.Len() {
		if v := params.At(i); v.Name() != "" && v.Name() != "_" {
			used[v.Name()] = true
		}
	}
	tsUsed := map[string]bool{}
	var goTypes []types.Type // of a.Params, to spell
	for i := range params.Len() {
		v := params.At(i)
		if isContext(v.Type()) {
			if i == 0 {
				a.Context = true
				continue
			}
			s.errorf(pos, "%s: context.Context must be the first parameter", name)
			ok = false
			continue
		}
		n := len(a.Params)
		pname := v.Name()
		if pname == "" || pname == "_" {
			pname = fmt.Sprintf("arg%d", n)
			for used[pname] {
				pname += "_"
			}
			used[pname] = true
		}
		ts := tsname.Ident(pname)
		for tsUsed[ts] {
			ts += "_"
		}
		tsUsed[ts] = true
		if hint := httpParam(v.Type()); hint != "" {
			s.errorf(pos, "%s: parameter %s has type %s, which cannot be sent as JSON: %s", name, pname, s.typeString(v.Type()), hint)
			ok = false
			continue
		}
		t := s.wireType(v.Type(), pos, fmt.Sprintf("%s: parameter %s", name, pname))
		if t == nil {
			ok = false
			continue
		}
		a.Params = append(a.Params, &model.Param{Name: pname, TSName: ts, Type: t})
		goTypes = append(goTypes, v.Type())
	}

	results := sig.Results()
	var resultGo types.Type
	switch {
	case results.Len() == 0:
	case results.Len() == 1 && isError(results.At(0).Type()):
		a.Error = true
	case results.Len() == 1 || results.Len() == 2 && isError(results.At(1).Type()) && !isError(results.At(0).Type()):
		a.Error = results.Len() == 2
		r := results.At(0).Type()
		if kind, item, problem := streamOf(r); kind != "" || problem != "" {
			if problem != "" {
				s.errorf(pos, "%s returns %s: %s", name, s.typeString(r), problem)
				ok = false
				break
			}
			a.Stream, r = kind, item
			if a.Get {
				s.errorf(pos, "%s: get on a stream: a read is answered at once, to be cached by its ETag, and a stream never is; drop get, or return the items as a slice", name)
				ok = false
			}
		}
		a.Result = s.wireType(r, pos, name+": result")
		ok = ok && a.Result != nil
		resultGo = r
	default:
		s.errorf(pos, "%s returns %s: an action returns (), (error), (R) or (R, error)", name, s.typeString(results))
		ok = false
	}
	if ok {
		a.Files = s.reachesFile(a)
		if opts.form {
			a.Form, ok = s.formFields(a, pos)
		}
	}
	if ok && a.Get && (a.Form != nil || a.Files) {
		s.errorf(pos, "%s: get on an action that takes a form or files: a read's arguments travel in its URL, which carries neither; drop get", name)
		ok = false
	}
	if !ok {
		return nil
	}
	pkg := s.packageOf(obj.Pkg())
	s.ownPkgs[pkg] = obj.Pkg()
	for i, p := range a.Params {
		s.spell(pkg, goTypes[i], func(g *model.GoType) { p.GoType = g })
	}
	if resultGo != nil {
		s.spell(pkg, resultGo, func(g *model.GoType) { a.ResultGoType = g })
	}
	return a
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

var errorType = types.Universe.Lookup("error").Type()

// isError reports whether t is the predeclared error type.
func isError(t types.Type) bool {
	return types.Identical(t, errorType)
}

// docText returns the text of a doc comment without directives and without
// the final newline.
func docText(g *ast.CommentGroup) string {
	return strings.TrimSpace(g.Text())
}

// first returns its first argument.
func first[A, B any](a A, _ B) A { return a }

// streamOf reports whether t, a result type, is a stream: iter.Seq[T] or
// iter.Seq2[T, error], with the type of its items; or why it is an iter
// type that cannot be one.
func streamOf(t types.Type) (kind model.StreamKind, item types.Type, problem string) {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "iter" {
		return "", nil, ""
	}
	args := n.TypeArgs()
	switch n.Obj().Name() {
	case "Seq":
		return model.StreamSeq, args.At(0), ""
	case "Seq2":
		if !isError(args.At(1)) {
			return "", nil, "a stream is iter.Seq[T] or iter.Seq2[T, error]: the second value of each pair must be the error that ends the stream"
		}
		return model.StreamSeq2, args.At(0), ""
	}
	return "", nil, ""
}

// httpParam returns the hint for a parameter of one of net/http's request
// and response types, which an action reaches through its context instead.
func httpParam(t types.Type) string {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "net/http" {
		return ""
	}
	switch n.Obj().Name() {
	case "Request", "ResponseWriter", "Header":
		return "take a context.Context first, then read the request with actions.Request(ctx) and set response headers and cookies with actions.ResponseHeader(ctx) and actions.SetCookie(ctx, cookie)"
	}
	return ""
}
