package scan

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/actionsgo/actions/emit"
	"github.com/actionsgo/actions/model"
)

// scanner holds the state of one Load.
type scanner struct {
	fset    *token.FileSet
	prog    *model.Program
	diags   []Diagnostic
	modules []string // paths of the modules of the matched packages

	pkgs      map[string]*model.Package // by import path
	dirs      map[string]string         // source directory by import path
	named     map[string]*namedInfo     // by "path.Name" of the generic origin
	instances typeutil.Map              // what each generic instantiation reached, by type
	stdSeen   typeutil.Map              // standard library types being inlined, to stop recursion
	decls     map[declKey]declInfo      // declared names of the files in docFiles
	docFiles  map[string]bool           // files indexed in decls
	reported  map[string]bool           // field problems reported, by position and message
	emptiable typeutil.Map              // whether a struct type can encode as {}, once known
	builds    *builds                   // which files every build includes
	tsTypes   map[string]string         // Config.TSTypes
	tsUsed    map[string]bool           // the keys of tsTypes that named a type reached
	spellings []spelling                // the types the glue writes, to spell at the end
	ownPkgs   map[*model.Package]*types.Package
	topNames  map[*model.Package][]string // every package-level name of a package with actions
}

func newScanner() *scanner {
	return &scanner{
		fset:     token.NewFileSet(),
		prog:     &model.Program{},
		pkgs:     map[string]*model.Package{},
		dirs:     map[string]string{},
		named:    map[string]*namedInfo{},
		decls:    map[declKey]declInfo{},
		docFiles: map[string]bool{},
		reported: map[string]bool{},
		tsUsed:   map[string]bool{},
		ownPkgs:  map[*model.Package]*types.Package{},
		topNames: map[*model.Package][]string{},
	}
}

// errorf adds a diagnostic at pos.
func (s *scanner) errorf(pos token.Pos, format string, args ...any) {
	s.diags = append(s.diags, Diagnostic{Pos: s.position(pos), Message: fmt.Sprintf(format, args...)})
}

// errorAt adds a diagnostic at a position of the model.
func (s *scanner) errorAt(pos model.Pos, format string, args ...any) {
	s.diags = append(s.diags, Diagnostic{Pos: pos, Message: fmt.Sprintf(format, args...)})
}

// index records the directory of a package loaded from source and the doc
// comments of its files.
func (s *scanner) index(p *packages.Package) {
	s.dirs[p.PkgPath] = p.Dir
	for _, f := range p.Syntax {
		s.indexDocs(s.fset, f)
	}
}

// declaredType returns the directives of the doc comment of the type
// declared as name at pos (see declared).
func (s *scanner) declaredType(pos token.Pos, name string) []typeDirective {
	p, _ := s.declared(pos, name)
	return s.decls[declKey{p.File, p.Line, name}].directives
}

// declared returns the position and doc comment of the declaration of
// name at pos. A declaration in a package loaded from export data is found
// by parsing the file it names, once: export data keeps the file and line
// of a declaration but not its column, so declarations are indexed by file,
// line and name.
func (s *scanner) declared(pos token.Pos, name string) (model.Pos, string) {
	p := s.position(pos)
	if p.File != "" && !s.docFiles[p.File] {
		s.docFiles[p.File] = true
		fset := token.NewFileSet()
		if f, err := parser.ParseFile(fset, p.File, nil, parser.ParseComments|parser.SkipObjectResolution); err == nil {
			s.indexDocs(fset, f)
		}
	}
	d, ok := s.decls[declKey{p.File, p.Line, name}]
	if !ok {
		return p, ""
	}
	p.Col = d.col
	return p, d.doc
}

// declKey identifies a declared name in a file.
type declKey struct {
	file string
	line int
	name string
}

// declInfo is the column and doc comment of a declared name, and for a
// type, the directives of its doc comment that speak of types.
type declInfo struct {
	col        int
	doc        string
	directives []typeDirective
}

// indexDocs records the position and doc of the types, constants and
// struct fields of f.
func (s *scanner) indexDocs(fset *token.FileSet, f *ast.File) {
	s.docFiles[fset.Position(f.Pos()).Filename] = true
	set := func(id *ast.Ident, doc string) {
		pp := fset.Position(id.Pos())
		s.decls[declKey{pp.Filename, pp.Line, id.Name}] = declInfo{col: pp.Column, doc: doc}
	}
	setType := func(id *ast.Ident, doc string, g *ast.CommentGroup) {
		pp := fset.Position(id.Pos())
		s.decls[declKey{pp.Filename, pp.Line, id.Name}] = declInfo{col: pp.Column, doc: doc, directives: typeDirectives(fset, g)}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			return false // declarations inside bodies are not on the wire
		case *ast.GenDecl:
			// A spec without its own doc takes the declaration's when it
			// stands alone ("// Status is…" above "type Status string").
			alone := !n.Lparen.IsValid()
			for _, spec := range n.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					doc := spec.Doc
					if doc == nil && alone {
						doc = n.Doc
					}
					// Directives take the declaration's doc as
					// attachedType does.
					group := spec.Doc
					if group == nil && len(n.Specs) == 1 {
						group = n.Doc
					}
					setType(spec.Name, docOr(doc, spec.Comment), group)
				case *ast.ValueSpec:
					doc := spec.Doc
					if doc == nil && alone {
						doc = n.Doc
					}
					for _, name := range spec.Names {
						set(name, docOr(doc, spec.Comment))
					}
				}
			}
		case *ast.StructType:
			for _, fld := range n.Fields.List {
				doc := docOr(fld.Doc, fld.Comment)
				for _, name := range fld.Names {
					set(name, doc)
				}
				if len(fld.Names) == 0 {
					set(embeddedIdent(fld.Type), doc)
				}
			}
		}
		return true
	})
}

// docOr returns the text of doc, or of the line comment when there is no
// doc comment.
func docOr(doc, line *ast.CommentGroup) string {
	if doc != nil {
		return docText(doc)
	}
	return docText(line)
}

// embeddedIdent returns the identifier that names an embedded field's type,
// where go/types places the field.
func embeddedIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.StarExpr:
			e = x.X
		case *ast.SelectorExpr:
			return x.Sel
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return ast.NewIdent("")
		}
	}
}

// packageOf returns the model package for tp, adding it on first use.
func (s *scanner) packageOf(tp *types.Package) *model.Package {
	if p, ok := s.pkgs[tp.Path()]; ok {
		return p
	}
	p := &model.Package{Path: tp.Path(), Name: tp.Name(), Dir: s.dirs[tp.Path()]}
	s.pkgs[tp.Path()] = p
	return p
}

// isStd reports whether the package with import path p is part of the
// standard library: its first element has no dot, and it is not inside one
// of the modules being scanned (which may have a dotless path too).
func (s *scanner) isStd(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".") && !s.inModules(p)
}

// inModules reports whether the package with import path p belongs to one
// of the modules of the matched packages: the code being generated for,
// whose enums are closed.
func (s *scanner) inModules(p string) bool {
	for _, m := range s.modules {
		if p == m || strings.HasPrefix(p, m+"/") {
			return true
		}
	}
	return false
}

// typeString writes t the way a message shows it: packages by name.
func (s *scanner) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// finish gives each package its key, completes the action IDs, and sorts
// everything as the model promises.
func (s *scanner) finish() {
	s.checkTSTypes()
	for _, p := range s.pkgs {
		if len(p.Actions) > 0 || len(p.Types) > 0 {
			s.prog.Packages = append(s.prog.Packages, p)
		}
	}
	slices.SortFunc(s.prog.Packages, func(a, b *model.Package) int { return strings.Compare(a.Path, b.Path) })
	assignKeys(s.prog.Packages)
	s.spellAll()
	for _, p := range s.prog.Packages {
		for _, a := range p.Actions {
			a.ID = p.Key + "." + a.Name
			if a.Receiver != nil {
				a.ID = p.Key + "." + a.Receiver.Type + "." + a.Name
			}
		}
		slices.SortStableFunc(p.Actions, func(a, b *model.Action) int { return comparePos(a.Pos, b.Pos) })
		slices.SortFunc(p.Types, func(a, b *model.Named) int { return strings.Compare(a.Name, b.Name) })
		// Values of one TypeScript module share a namespace.
		for _, c := range emit.TSClashes(p) {
			s.errorAt(c.Pos, "%s", c.Message())
		}
	}
	if s.prog.Packages == nil {
		s.prog.Packages = []*model.Package{}
	}
}

func comparePos(a, b model.Pos) int {
	if c := strings.Compare(a.File, b.File); c != 0 {
		return c
	}
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Col - b.Col
}

// assignKeys names each package for the wire and TypeScript: its package
// name, or, where keys clash, the name preceded by as many elements of its
// import path as it takes to tell the clashing packages apart: every
// package of a clash grows by one element per round, as long as its path
// has more ("admin/cart" and "shop/cart" become admin_cart and shop_cart;
// beside them, a package at path "cart" stays cart). Keys clash when they
// are equal ignoring case, since each names a file, and model.RuntimeKey
// clashes with every package that would take it.
//
// Packages that still clash once their paths are exhausted (they differ
// only in characters a key cannot hold) are numbered: in path order, the
// first keeps the key and each other one takes the key followed by the
// smallest "_N" (N ≥ 2) that no other package has or takes. pkgs is sorted
// by path, so the result depends on the set of paths only.
func assignKeys(pkgs []*model.Package) {
	depth := make([]int, len(pkgs)) // import path elements before the name
	var keys []string
	var groups [][]int // the clashes of the last round, each in path order
	for {
		keys = make([]string, len(pkgs))
		for i, p := range pkgs {
			keys[i] = packageKey(p, depth[i])
		}
		groups = clashes(keys)
		grown := false
		for _, g := range groups {
			for _, i := range g {
				if depth[i] < strings.Count(pkgs[i].Path, "/") {
					depth[i]++
					grown = true
				}
			}
		}
		if !grown {
			break
		}
	}
	// Whoever is not numbered keeps its key; the numbered ones avoid those
	// keys and each other's.
	numbered := map[int]bool{}
	for _, g := range groups {
		first := 1
		if keyFold(keys[g[0]]) == keyFold(model.RuntimeKey) {
			first = 0 // the runtime keeps the key
		}
		for _, i := range g[first:] {
			numbered[i] = true
		}
	}
	taken := map[string]bool{keyFold(model.RuntimeKey): true}
	for i, k := range keys {
		if !numbered[i] {
			taken[keyFold(k)] = true
		}
	}
	for i := range keys { // in path order
		if !numbered[i] {
			continue
		}
		base := keys[i]
		for n := 2; ; n++ {
			if k := fmt.Sprint(base, "_", n); !taken[keyFold(k)] {
				keys[i] = k
				taken[keyFold(k)] = true
				break
			}
		}
	}
	for i, p := range pkgs {
		p.Key = keys[i]
	}
}

// clashes returns the indexes of the keys that clash, grouped by key, each
// group in index order and the groups in the order of their first index.
// A key that clashes with model.RuntimeKey forms a group on its own.
func clashes(keys []string) [][]int {
	byKey := map[string][]int{}
	var order []string
	for i, k := range keys {
		f := keyFold(k)
		if byKey[f] == nil {
			order = append(order, f)
		}
		byKey[f] = append(byKey[f], i)
	}
	var groups [][]int
	for _, f := range order {
		if g := byKey[f]; len(g) > 1 || f == keyFold(model.RuntimeKey) {
			groups = append(groups, g)
		}
	}
	return groups
}

// keyFold is how keys are compared: a key names a TypeScript module file,
// and file systems that ignore case would hold cart.ts and Cart.ts as one.
func keyFold(key string) string {
	return strings.ToLower(key)
}

// packageKey returns the package name preceded by the n import path
// elements before the last, joined by "_", with characters that cannot be
// in an identifier replaced by "_".
func packageKey(p *model.Package, n int) string {
	elems := strings.Split(path.Dir(p.Path), "/")
	if path.Dir(p.Path) == "." {
		elems = nil
	}
	elems = elems[max(0, len(elems)-n):]
	parts := make([]string, 0, n+1)
	for _, e := range elems {
		parts = append(parts, identifier(e))
	}
	parts = append(parts, p.Name)
	return strings.Join(parts, "_")
}

// identifier replaces every character of s that cannot appear in a Go or
// TypeScript identifier with "_".
func identifier(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return r
		}
		return '_'
	}, s)
}

// docOf returns the doc comment of the declaration of obj.
func (s *scanner) docOf(obj types.Object) string {
	_, doc := s.declared(obj.Pos(), obj.Name())
	return doc
}
