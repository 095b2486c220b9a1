package scan

import (
	"fmt"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/actionsgo/actions/emit"
	"github.com/actionsgo/actions/model"
)

// spelling is a type that the glue of a package writes out: a parameter's
// or a result's, spelled once every type of the package is known, so that
// its imports can be named together.
type spelling struct {
	pkg *model.Package
	t   types.Type
	set func(*model.GoType)
}

// spell records that the glue of the package pkg writes t, and where to
// put its spelling.
func (s *scanner) spell(pkg *model.Package, t types.Type, set func(*model.GoType)) {
	s.spellings = append(s.spellings, spelling{pkg, t, set})
}

// The packages the glue imports for itself, and the names it wants for
// them. They are named with the others, so that none clashes.
var glueImports = []struct{ path, name string }{
	{runtimePath, "actions"},
	{"context", "context"},
	{"iter", "iter"},
	{"time", "time"},
}

// spellAll writes out every recorded type, once the Program is complete:
// for each package with actions it names every package its glue imports,
// then spells each type with those names.
//
// Names are chosen as goimports would write them, where they are free: a
// package's own name, or, where that is taken, the name followed by the
// smallest number from 2 that is free (geo, geo2). Taken are the names the
// package declares at package level, the identifiers the glue declares
// there (emit.GlueNames), the predeclared identifiers, and the names
// already given. The runtime and context are named first, then the others
// by import path: the tie-break.
func (s *scanner) spellAll() {
	byPkg := map[*model.Package][]spelling{}
	for _, sp := range s.spellings {
		byPkg[sp.pkg] = append(byPkg[sp.pkg], sp)
	}
	for _, pkg := range s.prog.Packages {
		own := s.ownPkgs[pkg]
		if own == nil {
			continue // no actions
		}
		// The real name of each package the glue refers to.
		names := map[string]string{}
		for _, g := range glueImports {
			names[g.path] = g.name
		}
		collect := func(p *types.Package) string {
			if p != own {
				names[p.Path()] = p.Name()
			}
			return "x"
		}
		for _, sp := range byPkg[pkg] {
			goSpelling(sp.t, collect)
		}
		for _, a := range pkg.Actions {
			for _, p := range a.Params {
				for _, e := range s.prog.ClosedEnums(p.Type) {
					// The glue names the constants of an enum a parameter
					// reaches.
					if e.Pkg != own.Path() && s.prog.Package(e.Pkg) != nil {
						names[e.Pkg] = s.prog.Package(e.Pkg).Name
					}
				}
			}
		}
		imports := s.importNames(own, pkg, names)
		pkg.GoImports = imports
		byPath := map[string]*model.GoImport{}
		for _, imp := range imports {
			byPath[imp.Path] = imp
		}
		for _, sp := range byPkg[pkg] {
			var used []string
			expr := goSpelling(sp.t, func(p *types.Package) string {
				if p == own {
					return ""
				}
				if !slices.Contains(used, p.Path()) {
					used = append(used, p.Path())
				}
				return byPath[p.Path()].Name
			})
			slices.Sort(used)
			sp.set(&model.GoType{Expr: expr, Imports: used})
		}
	}
}

// importNames names the packages of names (their real names, by path) in
// the glue of own, whose model is pkg, as spellAll says.
func (s *scanner) importNames(own *types.Package, pkg *model.Package, names map[string]string) []*model.GoImport {
	taken := map[string]bool{}
	for _, n := range own.Scope().Names() {
		taken[n] = true
	}
	for _, n := range s.topNames[pkg] {
		taken[n] = true
	}
	for _, n := range types.Universe.Names() {
		taken[n] = true
	}
	for _, n := range emit.GlueNames(pkg) {
		taken[n] = true
	}
	var paths []string
	for p := range names {
		if p != runtimePath && p != "context" {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	paths = append([]string{runtimePath, "context"}, paths...)
	var out []*model.GoImport
	for _, p := range paths {
		base := names[p]
		name := base
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s%d", base, i)
		}
		taken[name] = true
		out = append(out, &model.GoImport{Path: p, Name: name, Alias: name != base})
	}
	slices.SortFunc(out, func(a, b *model.GoImport) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// goSpelling writes t as Go source, packages named by q ("" for the
// package the source is in). It is types.TypeString, except that a struct
// is written one field a line with its tags as raw strings where they can
// be, as gofmt keeps a struct written by hand.
func goSpelling(t types.Type, q types.Qualifier) string {
	var b strings.Builder
	writeGo(&b, t, q)
	return b.String()
}

func writeGo(b *strings.Builder, t types.Type, q types.Qualifier) {
	switch t := t.(type) {
	case *types.Named:
		writeName(b, t.Obj(), q)
		writeTypeArgs(b, t.TypeArgs(), q)
	case *types.Alias:
		writeName(b, t.Obj(), q)
		writeTypeArgs(b, t.TypeArgs(), q)
	case *types.Pointer:
		b.WriteString("*")
		writeGo(b, t.Elem(), q)
	case *types.Slice:
		b.WriteString("[]")
		writeGo(b, t.Elem(), q)
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		writeGo(b, t.Elem(), q)
	case *types.Map:
		b.WriteString("map[")
		writeGo(b, t.Key(), q)
		b.WriteString("]")
		writeGo(b, t.Elem(), q)
	case *types.Struct:
		if t.NumFields() == 0 {
			b.WriteString("struct{}")
			return
		}
		b.WriteString("struct {\n")
		for i := range t.NumFields() {
			f := t.Field(i)
			if !f.Embedded() {
				b.WriteString(f.Name() + " ")
			}
			writeGo(b, f.Type(), q)
			if tag := t.Tag(i); tag != "" {
				b.WriteString(" " + tagLiteral(tag))
			}
			b.WriteString("\n")
		}
		b.WriteString("}")
	default:
		// Basic types, interfaces, functions and channels: what a struct
		// field that does not travel may hold.
		b.WriteString(types.TypeString(t, q))
	}
}

// writeName writes the name of a type, qualified by its package.
func writeName(b *strings.Builder, obj *types.TypeName, q types.Qualifier) {
	if obj.Pkg() != nil {
		if name := q(obj.Pkg()); name != "" {
			b.WriteString(name + ".")
		}
	}
	b.WriteString(obj.Name())
}

// writeTypeArgs writes the type arguments of an instance, if any.
func writeTypeArgs(b *strings.Builder, args *types.TypeList, q types.Qualifier) {
	if args.Len() == 0 {
		return
	}
	b.WriteString("[")
	for i := range args.Len() {
		if i > 0 {
			b.WriteString(", ")
		}
		writeGo(b, args.At(i), q)
	}
	b.WriteString("]")
}

// tagLiteral writes a struct tag as a raw string, or as an interpreted one
// when the tag holds a backquote or a character a raw string cannot hold.
func tagLiteral(tag string) string {
	if strings.ContainsAny(tag, "`\r") || !strconv.CanBackquote(tag) {
		return strconv.Quote(tag)
	}
	return "`" + tag + "`"
}
