package scan

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/actionsgo/actions/emit"
	"github.com/actionsgo/actions/internal/tsname"
	"github.com/actionsgo/actions/model"
)

// marks returns the functions that the directives in files mark, in
// source order, and reports every misplaced or malformed directive. used
// says whether there was any directive at all, right or wrong.
func (s *scanner) marks(files []*ast.File) (marked []*ast.FuncDecl, used bool) {
	misused := false
	for _, f := range files {
		if s.leftOut(f) {
			misused = true
			continue
		}
		fns, bad := s.fileMarks(f)
		marked = append(marked, fns...)
		misused = misused || bad
	}
	return marked, len(marked) > 0 || misused
}

// scanPackage checks the functions marked in one package loaded from
// source, reports the package's errors, and adds its actions to the
// Program.
func (s *scanner) scanPackage(p *packages.Package, marked []*ast.FuncDecl) {
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
	tsNames := map[string]string{} // TypeScript name → Go name, to catch clashes
	for _, fn := range marked {
		obj, _ := p.TypesInfo.Defs[fn.Name].(*types.Func)
		if obj == nil {
			continue
		}
		a := s.action(fn, obj)
		if a == nil {
			continue
		}
		if other, ok := tsNames[a.TSName]; ok {
			s.errorf(fn.Name.Pos(), "%s: its TypeScript name %s is also the name of %s; rename one of them", a.Name, a.TSName, other)
			continue
		}
		tsNames[a.TSName] = a.Name
		pkg.Actions = append(pkg.Actions, a)
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
var glueReference = regexp.MustCompile(`^undefined: (\w+\.)?` + emit.ActionsFunc + `$`)

// fileMarks returns the functions of f marked as actions, in source order.
// It reports every misplaced or malformed directive of f, and whether there
// was any.
func (s *scanner) fileMarks(f *ast.File) (marked []*ast.FuncDecl, misused bool) {
	ds := findDirectives(f)
	if len(ds) == 0 {
		return nil, false
	}
	problem := func(pos token.Pos, format string, args ...any) {
		s.errorf(pos, format, args...)
		misused = true
	}
	var fileLevel *directive
	byFunc := map[*ast.FuncDecl][]directive{}
	for i := range ds {
		d := &ds[i]
		if d.problem != "" {
			problem(d.pos, "%s", d.problem)
			continue
		}
		if d.group.End() < f.Package {
			if fileLevel != nil {
				problem(d.pos, "duplicate %s: the file already has one at line %d", directiveText, s.fset.Position(fileLevel.pos).Line)
				continue
			}
			fileLevel = d
			continue
		}
		if fn, ok := attachedFunc(f, d.group); ok {
			byFunc[fn] = append(byFunc[fn], *d)
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
		case len(own) > 0 && fn.Recv != nil:
			problem(own[0].pos, "%s on method %s: only top-level functions can be actions", directiveText, fn.Name.Name)
			continue
		case len(own) > 0 && fn.Name.Name == "init":
			problem(own[0].pos, "%s on init: init cannot be called, so it cannot be an action", directiveText)
			continue
		}
		for i := 1; i < len(own); i++ {
			problem(own[i].pos, "duplicate %s on %s", directiveText, fn.Name.Name)
		}
		if len(own) > 0 && fileLevel != nil {
			problem(own[0].pos, "duplicate %s on %s: the directive above the package clause at line %d already marks every exported function of the file",
				directiveText, fn.Name.Name, s.fset.Position(fileLevel.pos).Line)
		}
		marked = append(marked, fn)
	}
	return marked, misused
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
	const hint = "put it in the doc comment of a top-level function, or above the package clause for every exported function of the file"
	for _, decl := range f.Decls {
		if pos < decl.Pos() || pos >= decl.End() {
			if gd, ok := decl.(*ast.GenDecl); ok && gd.Doc != nil && pos >= gd.Doc.Pos() && pos < gd.Doc.End() {
				return fmt.Sprintf("%s on a %s declaration: only functions can be actions", directiveText, gd.Tok)
			}
			continue
		}
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			return fmt.Sprintf("%s inside a function marks nothing; %s", directiveText, hint)
		case *ast.GenDecl:
			return fmt.Sprintf("%s on a %s declaration: only functions can be actions", directiveText, decl.Tok)
		}
	}
	return fmt.Sprintf("%s is not attached to a function; %s", directiveText, hint)
}

// action checks the signature of a marked function and describes it.
// It returns nil when the function cannot be an action.
func (s *scanner) action(fn *ast.FuncDecl, obj *types.Func) *model.Action {
	name := fn.Name.Name
	sig := obj.Signature()
	pos := fn.Name.Pos()
	if fn.Type.TypeParams != nil {
		s.errorf(pos, "%s is generic: a generic function cannot be an action, as the client cannot choose its type arguments", name)
		return nil
	}
	if sig.Variadic() {
		s.errorf(pos, "%s is variadic: a variadic function cannot be an action; take a slice instead", name)
		return nil
	}
	a := &model.Action{
		Name:   name,
		TSName: tsname.Ident(name),
		Doc:    docText(fn.Doc),
		Pos:    s.position(pos),
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
		t := s.wireType(v.Type(), pos, fmt.Sprintf("%s: parameter %s", name, pname))
		if t == nil {
			ok = false
			continue
		}
		a.Params = append(a.Params, &model.Param{Name: pname, TSName: ts, Type: t})
	}

	results := sig.Results()
	switch {
	case results.Len() == 0:
	case results.Len() == 1 && isError(results.At(0).Type()):
		a.Error = true
	case results.Len() == 1 || results.Len() == 2 && isError(results.At(1).Type()) && !isError(results.At(0).Type()):
		a.Error = results.Len() == 2
		a.Result = s.wireType(results.At(0).Type(), pos, name+": result")
		ok = ok && a.Result != nil
	default:
		s.errorf(pos, "%s returns %s: an action returns (), (error), (R) or (R, error)", name, s.typeString(results))
		ok = false
	}
	if !ok {
		return nil
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
