package goemit

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actionsgo/actions/model"
	"github.com/dave/jennifer/jen"
)

// enumKey identifies an enum in the maps of a file.
func enumKey(e model.EnumRef) string { return e.Pkg + "." + e.Named.Name }

// groupEnums returns the closed enums the parameters of actions reach
// (Program.ClosedEnums), each once, sorted by package and name.
func (g *generator) groupEnums(actions []*model.Action) []model.EnumRef {
	var out []model.EnumRef
	for _, a := range actions {
		for _, p := range a.Params {
			for _, e := range g.prog.ClosedEnums(p.Type) {
				if !slices.ContainsFunc(out, func(o model.EnumRef) bool { return enumKey(o) == enumKey(e) }) {
					out = append(out, e)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b model.EnumRef) int {
		return cmp.Or(strings.Compare(a.Pkg, b.Pkg), strings.Compare(a.Named.Name, b.Named.Name))
	})
	return out
}

// enumLocals names the local variable that holds each enum's values in a
// function of the glue: enum followed by the type's name, or by its
// package's and type's names where two enums of the group share a name,
// then a number if that is taken too. taken holds the identifiers the
// function refers to, which a local must not hide.
func (g *generator) enumLocals(enums []model.EnumRef, taken map[string]bool) map[string]string {
	count := map[string]int{}
	for _, e := range enums {
		count[e.Named.Name]++
	}
	names := map[string]string{}
	for _, e := range enums {
		base := "enum" + upperFirst(e.Named.Name)
		if count[e.Named.Name] > 1 {
			pkgName := g.pkg.Name
			if imp := g.pkg.GoImport(e.Pkg); imp != nil {
				pkgName = imp.Name
			}
			base = "enum" + upperFirst(pkgName) + upperFirst(e.Named.Name)
		}
		name := base
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s%d", base, i)
		}
		taken[name] = true
		names[enumKey(e)] = name
	}
	return names
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// enumDecl declares the local that holds the values of e:
//
//	enumStatus := actions.Enum(StatusPending, StatusPaid)
//
// The constants are qualified with their package where it is not the
// file's, and go one a line when there are more than a few.
func (g *generator) enumDecl(e model.EnumRef, local string) jen.Code {
	consts := make([]jen.Code, len(e.Named.Enum))
	for i, v := range e.Named.Enum {
		/* StatusPaid, or other.StatusPaid */
		consts[i] = g.qual(e.Pkg, v.Name)
	}
	call := g.qual(actionsPath, "Enum")
	if len(consts) > 3 {
		/* actions.Enum(\n\tA,\n\tB,\n) */
		call.Custom(jen.Options{Open: "(", Close: ")", Separator: ",", Multi: true}, consts...)
	} else {
		call.Call(consts...)
	}
	return jen.Id(local).Op(":=").Add(call)
}

// functionNames returns the identifiers that a function of the glue for
// actions refers to unqualified, so that no local hides one: the imports,
// the actions and their receivers, the package's types and the constants
// of its enums, and every name the types of the actions use.
func (g *generator) functionNames(actions []*model.Action) map[string]bool {
	taken := map[string]bool{serviceParam: true}
	for _, id := range glueIdents {
		taken[id] = true
	}
	for _, imp := range g.pkg.GoImports {
		taken[imp.Name] = true
	}
	for _, n := range g.pkg.Types {
		taken[n.Name] = true
		for _, v := range n.Enum {
			taken[v.Name] = true
		}
	}
	for _, a := range actions {
		taken[a.Name] = true
		if a.Receiver != nil {
			taken[a.Receiver.Type] = true
		}
		for _, p := range a.Params {
			for _, id := range exprIdents(p.GoType) {
				taken[id] = true
			}
		}
		for _, id := range exprIdents(a.ResultGoType) {
			taken[id] = true
		}
	}
	return taken
}

// exprIdents returns the identifiers a Go type expression uses
// unqualified: the file's own types, and predeclared ones.
func exprIdents(t *model.GoType) []string {
	if t == nil {
		return nil
	}
	e, err := parser.ParseExpr(t.Expr)
	if err != nil {
		return nil // goType refuses nothing, and format.Source reports it
	}
	var ids []string
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			return false // pkg.Name: the import's name is taken already
		case *ast.Field:
			ast.Inspect(n.Type, visit) // its names are not references
			return false
		case *ast.Ident:
			ids = append(ids, n.Name)
		}
		return true
	}
	ast.Inspect(e, visit)
	return ids
}
