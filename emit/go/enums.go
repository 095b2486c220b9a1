package goemit

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actionsgo/actions/model"
	"github.com/dave/jennifer/jen"
)

// enumRef is a closed enum that a parameter's type reaches: the runtime
// must be told its values (actions.Enum) to refuse others.
type enumRef struct {
	pkg   string // import path of the declaring package
	named *model.Named
}

func (e enumRef) key() string { return e.pkg + "." + e.named.Name }

// reachedEnums returns the closed enums that a value of type t holds where
// the codec decodes it by default, sorted by package and name: through
// pointers, elements, map keys and values, struct members, type arguments
// and the declarations of named types. A type that decodes itself is left
// alone, as are the fields of a struct that do not travel.
func (g *generator) reachedEnums(t *model.Type) []enumRef {
	var out []enumRef
	seen := map[string]bool{}
	var visit func(t *model.Type)
	visit = func(t *model.Type) {
		if t == nil {
			return
		}
		if t.Kind == model.KindNamed {
			key := t.Pkg + "." + t.Name
			if n := g.prog.Lookup(t.Pkg, t.Name); n != nil && !seen[key] {
				seen[key] = true
				if checked(n) {
					out = append(out, enumRef{t.Pkg, n})
				}
				visit(n.Type)
			}
		}
		visit(t.Elem)
		visit(t.Key)
		for _, f := range t.Fields {
			visit(f.Type)
		}
		if t.Fallback != nil {
			visit(t.Fallback.Type)
		}
		for _, a := range t.TypeArgs {
			visit(a)
		}
	}
	visit(t)
	slices.SortFunc(out, func(a, b enumRef) int {
		return cmp.Or(strings.Compare(a.pkg, b.pkg), strings.Compare(a.named.Name, b.named.Name))
	})
	return out
}

// checked reports whether the runtime checks the values of n: a closed
// enum, unless its constants and its zero value are every value of its
// kind (a bool enum with a true constant).
func checked(n *model.Named) bool {
	if len(n.Enum) == 0 || n.Open {
		return false
	}
	return n.Type.Kind != model.KindBool || !slices.ContainsFunc(n.Enum, func(v *model.EnumValue) bool { return v.Value == "true" })
}

// groupEnums returns the closed enums the parameters of actions reach, in
// the order of reachedEnums, each once.
func (g *generator) groupEnums(actions []*model.Action) []enumRef {
	var out []enumRef
	for _, a := range actions {
		for _, p := range a.Params {
			for _, e := range g.reachedEnums(p.Type) {
				if !slices.ContainsFunc(out, func(o enumRef) bool { return o.key() == e.key() }) {
					out = append(out, e)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b enumRef) int {
		return cmp.Or(strings.Compare(a.pkg, b.pkg), strings.Compare(a.named.Name, b.named.Name))
	})
	return out
}

// enumLocals names the local variable that holds each enum's values in a
// function of the glue: enum followed by the type's name, or by its
// package's and type's names where two enums of the group share a name,
// then a number if that is taken too. taken holds the identifiers the
// function refers to, which a local must not hide.
func enumLocals(enums []enumRef, prog *model.Program, taken map[string]bool) map[string]string {
	count := map[string]int{}
	for _, e := range enums {
		count[e.named.Name]++
	}
	names := map[string]string{}
	for _, e := range enums {
		base := "enum" + upperFirst(e.named.Name)
		if count[e.named.Name] > 1 {
			pkgName, _ := packageName(prog, e.pkg)
			base = "enum" + upperFirst(pkgName) + upperFirst(e.named.Name)
		}
		name := base
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s%d", base, i)
		}
		taken[name] = true
		names[e.key()] = name
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
func (g *generator) enumDecl(e enumRef, local string) jen.Code {
	consts := make([]jen.Code, len(e.named.Enum))
	for i, v := range e.named.Enum {
		/* StatusPaid, or other.StatusPaid */
		consts[i] = jen.Qual(e.pkg, v.Name)
	}
	call := jen.Qual(actionsPath, "Enum")
	if len(consts) > 3 {
		/* actions.Enum(\n\tA,\n\tB,\n) */
		call.Custom(jen.Options{Open: "(", Close: ")", Separator: ",", Multi: true}, consts...)
	} else {
		call.Call(consts...)
	}
	return jen.Id(local).Op(":=").Add(call)
}

// functionNames returns the identifiers of the file's package that a
// function of the glue for actions refers to unqualified, besides the
// imports: the actions and their receivers, the package's types, and the
// constants of its enums, so that no local hides one.
func (g *generator) functionNames(actions []*model.Action) map[string]bool {
	taken := map[string]bool{serviceParam: true}
	for _, id := range slices.Concat(glueIdents, predeclared) {
		taken[id] = true
	}
	for _, imp := range g.imports {
		taken[imp.name] = true
	}
	for _, n := range g.pkg.Types {
		taken[n.Name] = true
		for _, v := range n.Enum {
			taken[v.Name] = true
		}
	}
	var visit func(t *model.Type)
	visit = func(t *model.Type) {
		if t == nil {
			return
		}
		if t.Pkg == g.pkg.Path && t.Name != "" {
			taken[t.Name] = true // a type of the package not declared in the model
		}
		visit(t.Elem)
		visit(t.Key)
		for _, a := range t.TypeArgs {
			visit(a)
		}
		for _, f := range t.GoFields {
			visit(f.Type)
		}
	}
	for _, a := range actions {
		taken[a.Name] = true
		if a.Receiver != nil {
			taken[a.Receiver.Type] = true
		}
		for _, p := range a.Params {
			visit(p.Type)
		}
		visit(a.Result)
	}
	return taken
}
