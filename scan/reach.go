package scan

import (
	"go/ast"
	"go/token"
	"strconv"
)

// reachable is what the model needs of one source package: the marked
// functions, and every package-level declaration that their signatures
// reach, by name, through the declarations kept before them. For a
// function or method that is its signature; for a type, its definition and
// all its methods (encoding/json and Validate look at the method set); for
// a variable or constant, its whole declaration. A constant declaration
// that mentions a kept name is kept too, so that every constant of an enum
// is found, however it is written (const B = A). The imports that the kept
// declarations use are the ones the package is checked with.
//
// Names are matched without scopes, so a field or parameter named like a
// declaration keeps that declaration too: keeping more than needed costs a
// little time, never a wrong model.
type reachable struct {
	sources map[string]*source // every source package, by path
	files   []*ast.File
	all     bool // every declaration is kept

	decls     map[string][]ast.Decl                    // the declarations of each package-level name
	methods   map[string][]ast.Decl                    // the methods of each type, by its name
	consts    []*ast.GenDecl                           // the constant declarations
	fileOf    map[ast.Decl]*ast.File                   // where each declaration is
	named     map[*ast.File]map[string]*ast.ImportSpec // each file's imports by local name
	dots      map[*ast.File][]*ast.ImportSpec
	kept      map[ast.Decl]bool
	usedSpecs map[*ast.ImportSpec]bool
	imports   map[string]bool // the paths of the used imports
}

// newReachable indexes the declarations of src. names gives the package
// names of imported paths that their import declarations do not name.
func newReachable(src *source, sources map[string]*source, names map[string]string) *reachable {
	r := &reachable{
		sources:   sources,
		files:     src.files,
		decls:     map[string][]ast.Decl{},
		methods:   map[string][]ast.Decl{},
		fileOf:    map[ast.Decl]*ast.File{},
		named:     map[*ast.File]map[string]*ast.ImportSpec{},
		dots:      map[*ast.File][]*ast.ImportSpec{},
		kept:      map[ast.Decl]bool{},
		usedSpecs: map[*ast.ImportSpec]bool{},
		imports:   map[string]bool{},
	}
	for _, f := range src.files {
		r.named[f] = map[string]*ast.ImportSpec{}
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				continue
			}
			name := names[path]
			if name == "" {
				name = stdName(path) // a guess; the go command could not say
			}
			if imp.Name != nil {
				name = imp.Name.Name
			}
			switch name {
			case "_":
				// Imported for its effects only: nothing of it is reached.
			case ".":
				r.dots[f] = append(r.dots[f], imp)
			default:
				r.named[f][name] = imp
			}
		}
		for _, decl := range f.Decls {
			r.fileOf[decl] = f
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					r.decls[d.Name.Name] = append(r.decls[d.Name.Name], d)
				} else if name := receiverName(d); name != "" {
					r.methods[name] = append(r.methods[name], d)
				}
			case *ast.GenDecl:
				if d.Tok == token.CONST {
					r.consts = append(r.consts, d)
				}
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						r.decls[spec.Name.Name] = append(r.decls[spec.Name.Name], d)
					case *ast.ValueSpec:
						for _, n := range spec.Names {
							r.decls[n.Name] = append(r.decls[n.Name], d)
						}
					}
				}
			}
		}
	}
	return r
}

// receiverName returns the name of the type of a method's receiver.
func receiverName(fn *ast.FuncDecl) string {
	if len(fn.Recv.List) == 0 {
		return ""
	}
	return embeddedIdent(fn.Recv.List[0].Type).Name
}

// keep keeps decl and what it reaches.
func (r *reachable) keep(decl ast.Decl) {
	if r.kept[decl] {
		return
	}
	r.kept[decl] = true
	f := r.fileOf[decl]
	for _, imp := range r.dots[f] {
		r.use(imp, "")
	}
	switch d := decl.(type) {
	case *ast.FuncDecl:
		// The signature only: bodies are not checked.
		if d.Recv != nil {
			r.walk(f, d.Recv)
		}
		r.walk(f, d.Type)
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch spec := spec.(type) {
			case *ast.TypeSpec:
				if spec.TypeParams != nil {
					r.walk(f, spec.TypeParams)
				}
				r.walk(f, spec.Type)
				for _, m := range r.methods[spec.Name.Name] {
					r.keep(m)
				}
			case *ast.ValueSpec:
				if spec.Type != nil {
					r.walk(f, spec.Type)
				}
				for _, v := range spec.Values {
					r.walk(f, v)
				}
			}
		}
	}
}

// keepAll keeps every declaration of the package.
func (r *reachable) keepAll() {
	r.all = true
	for _, f := range r.files {
		for _, decl := range f.Decls {
			if gd, ok := decl.(*ast.GenDecl); !ok || gd.Tok != token.IMPORT {
				r.keep(decl)
			}
		}
	}
}

// walk keeps what the names in node, an expression or field list of f,
// refer to.
func (r *reachable) walk(f *ast.File, node ast.Node) {
	ast.Inspect(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			r.walk(f, n.Type) // its body is not checked
			return false
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok {
				if imp := r.named[f][x.Name]; imp != nil {
					r.use(imp, n.Sel.Name)
					return false
				}
			}
		case *ast.Ident:
			r.useName(n.Name)
		}
		return true
	})
}

// useName keeps the package-level declarations of name.
func (r *reachable) useName(name string) {
	for _, d := range r.decls[name] {
		r.keep(d)
	}
}

// use records that a kept declaration uses the import imp, for its name
// sel ("" for a dot import); a name of another source package is kept
// there.
func (r *reachable) use(imp *ast.ImportSpec, sel string) {
	path, err := strconv.Unquote(imp.Path.Value)
	if err != nil {
		return
	}
	r.usedSpecs[imp] = true
	r.imports[path] = true
	other := r.sources[path]
	if other == nil || other.reach == nil {
		return
	}
	if sel == "" {
		other.reach.keepAll()
	} else {
		other.reach.useName(sel)
	}
}

// keepConsts keeps the constant declarations that mention a kept name, as
// long as there are more, and reports whether it kept any.
func (r *reachable) keepConsts() bool {
	any := false
	for more := true; more; {
		more = false
		for _, d := range r.consts {
			if !r.kept[d] && r.mentionsKept(d) {
				r.keep(d)
				more, any = true, true
			}
		}
	}
	return any
}

// mentionsKept reports whether node names a kept declaration of the
// package.
func (r *reachable) mentionsKept(node ast.Node) bool {
	found := false
	ast.Inspect(node, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !found {
			for _, d := range r.decls[id.Name] {
				if r.kept[d] && d != node {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// checked returns the files of the package as the type checker is to see
// them: the kept declarations, and the imports they use.
func (r *reachable) checked() []*ast.File {
	var files []*ast.File
	for _, f := range r.files {
		g := *f
		g.Decls, g.Imports = nil, nil
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.IMPORT {
				if r.kept[decl] {
					g.Decls = append(g.Decls, decl)
				}
				continue
			}
			var specs []ast.Spec
			for _, spec := range gd.Specs {
				if imp := spec.(*ast.ImportSpec); r.usedSpecs[imp] {
					specs = append(specs, spec)
					g.Imports = append(g.Imports, imp)
				}
			}
			if len(specs) > 0 {
				d := *gd
				d.Specs = specs
				g.Decls = append(g.Decls, &d)
			}
		}
		files = append(files, &g)
	}
	return files
}
