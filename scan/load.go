package scan

import (
	"errors"
	"fmt"
	"go/ast"
	goscanner "go/scanner"
	"go/types"
	"maps"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// The packages with directives are type-checked from source here, and
// only as far as the model needs them, so that a cold run compiles little:
// function bodies are not checked (the compiler reports their errors), the
// package-level declarations that the actions do not reach are left out
// (see reach.go), and so are the imports that only those and the bodies
// use. Every other package comes from export data, which the go command
// builds: only the packages that the kept declarations import, and what
// those need. A package whose actions use only its own types and the
// standard library's thus never builds its other dependencies, however
// large, and a package that a blank import registers (a database driver)
// is never built either.

// source is a package with directives, loaded from source.
type source struct {
	list     *packages.Package // as listed
	files    []*ast.File       // all of them, as parsed
	errs     []packages.Error  // parse and type errors
	marked   []mark            // the functions and methods the directives mark
	services []serviceMark     // the types marked as services
	used     bool              // marked or misused: the package is scanned

	reach *reachable // what of the package the model needs

	types *types.Package // once type-checked
	info  *types.Info
	state int // 0 not checked, 1 being checked, 2 checked

	pkg *packages.Package // the package as scanPackage takes it
}

// loader type-checks the packages with directives.
type loader struct {
	s       *scanner
	cfg     Config
	sources map[string]*source           // by import path
	exports map[string]*packages.Package // packages listed for their export data, by path
	read    map[string]bool              // export data already read
	view    map[string]*types.Package    // every package by path, for the importer and the export data
	sizes   types.Sizes
}

// loadSources loads the listed packages that mention the directive, and
// returns those that have directives, in path order, for scanPackage.
func (s *scanner) loadSources(cfg Config, listed []*packages.Package) ([]*source, error) {
	l := &loader{
		s:       s,
		cfg:     cfg,
		sources: map[string]*source{},
		exports: map[string]*packages.Package{},
		read:    map[string]bool{},
		view:    map[string]*types.Package{},
	}
	var order []*source
	for _, p := range listed {
		src := &source{list: p}
		for _, name := range p.GoFiles {
			data, err := readSource(name)
			if err != nil {
				return nil, err
			}
			if data == nil {
				continue
			}
			f, err := parseFile(s.fset, name, data)
			if err != nil {
				src.errs = append(src.errs, parseErrors(err)...)
			}
			if f != nil {
				src.files = append(src.files, f)
			}
		}
		src.marked, src.services, src.used = s.marks(src.files)
		if !src.used {
			continue // the text was there, but not as a directive
		}
		l.sources[p.PkgPath] = src
		order = append(order, src)
	}
	if err := l.reachAll(); err != nil {
		return nil, err
	}
	for _, src := range order {
		if len(src.marked) > 0 {
			l.check(src)
		}
	}
	for _, src := range order {
		p := *src.list
		p.Syntax = src.files
		p.Types, p.TypesInfo, p.Fset = src.types, src.info, s.fset
		p.Errors = append(slices.Clone(p.Errors), src.errs...)
		src.pkg = &p
	}
	slices.SortFunc(order, func(a, b *source) int { return strings.Compare(a.list.PkgPath, b.list.PkgPath) })
	return order, nil
}

// parseErrors turns the error of parsing a file into package errors, as
// go/packages reports them.
func parseErrors(err error) []packages.Error {
	var list goscanner.ErrorList
	if !errors.As(err, &list) {
		return []packages.Error{{Msg: err.Error(), Kind: packages.ParseError}}
	}
	var errs []packages.Error
	for _, e := range list {
		errs = append(errs, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
	}
	return errs
}

// reachAll finds what the model needs of every source package, and lists
// the other packages the kept declarations import for their export data.
// A source package that one of those depends on is kept whole: its types
// may come back through the other package's export data, and must be the
// ones checked from source, with every constant of an enum.
func (l *loader) reachAll() error {
	names, err := l.importNames()
	if err != nil {
		return err
	}
	for _, src := range l.sources {
		src.reach = newReachable(src, l.sources, names)
	}
	for _, src := range l.sources {
		for _, m := range src.marked {
			src.reach.keep(m.fn)
		}
	}
	for {
		for more := true; more; {
			more = false
			for _, src := range l.sources {
				more = src.reach.keepConsts() || more
			}
		}
		var paths []string
		for _, src := range l.sources {
			for path := range src.reach.imports {
				if l.sources[path] == nil && l.exports[path] == nil && path != "unsafe" && path != "C" && !slices.Contains(paths, path) {
					paths = append(paths, path)
				}
			}
		}
		if len(paths) == 0 {
			return nil
		}
		slices.Sort(paths)
		if err := l.listExports(paths); err != nil {
			return err
		}
		grown := false
		for path := range l.exports {
			if src := l.sources[path]; src != nil && !src.reach.all {
				src.reach.keepAll()
				grown = true
			}
		}
		if !grown {
			return nil
		}
	}
}

// listExports lists the packages at paths, and all they depend on, with
// their export data, which the go command builds.
func (l *loader) listExports(paths []string) error {
	if testHookExports != nil {
		testHookExports(paths)
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps |
			packages.NeedExportFile | packages.NeedTypesSizes,
		Dir:        l.cfg.Dir,
		Env:        l.cfg.Env,
		BuildFlags: l.cfg.buildFlags(),
	}, paths...)
	if err != nil {
		return fmt.Errorf("loading the export data of %s: %w", strings.Join(paths, " "), err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if l.exports[p.PkgPath] == nil {
			l.exports[p.PkgPath] = p
		}
		if l.sizes == nil && p.TypesSizes != nil {
			l.sizes = p.TypesSizes
		}
	})
	return nil
}

// testHookExports, if set, sees the paths that listExports asks for.
var testHookExports func(paths []string)

// check type-checks src, once, after the source packages it imports, and
// records any error in src.errs.
func (l *loader) check(src *source) {
	if src.state != 0 {
		return
	}
	src.state = 1
	defer func() { src.state = 2 }()
	p := src.list
	conf := &types.Config{
		Importer:         importerFunc(func(path string) (*types.Package, error) { return l.importPath(src, path) }),
		IgnoreFuncBodies: true,
		FakeImportC:      true,
		Sizes:            l.sizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				src.errs = append(src.errs, packages.Error{Pos: l.s.fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
			}
		},
	}
	if conf.Sizes == nil {
		conf.Sizes = types.SizesFor("gc", runtime.GOARCH)
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	src.info = &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	src.types = types.NewPackage(p.PkgPath, p.Name)
	l.view[p.PkgPath] = src.types
	// Errors come through conf.Error.
	_ = types.NewChecker(conf, l.s.fset, src.types, src.info).Files(src.reach.checked())
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// importPath returns the package at path, imported by src: a source
// package, checked first, or one read from export data.
func (l *loader) importPath(from *source, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if src := l.sources[path]; src != nil {
		switch src.state {
		case 1:
			return nil, fmt.Errorf("import cycle: %s imports %s", from.list.PkgPath, path)
		case 0:
			l.check(src)
		}
		return src.types, nil
	}
	return l.readExport(path)
}

// readExport returns the package at path from its export data, read once
// into the view shared by every package. The source packages it depends on
// are checked first, so that its export data refers to their objects
// instead of making others of the same name.
func (l *loader) readExport(path string) (*types.Package, error) {
	p := l.exports[path]
	if p == nil {
		return nil, fmt.Errorf("package %s was not listed", path)
	}
	if l.read[path] {
		if tp := l.view[path]; tp != nil && tp.Complete() {
			return tp, nil
		}
		return nil, fmt.Errorf("no export data for %s", path)
	}
	l.read[path] = true
	for dep := range l.sourceDeps(p, map[string]bool{}) {
		l.check(l.sources[dep])
	}
	if p.ExportFile == "" {
		for _, e := range p.Errors {
			return nil, errors.New(e.Msg)
		}
		return nil, fmt.Errorf("no export data for %s", path)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading the export data of %s: %v", path, err)
	}
	tp, err := gcexportdata.Read(r, l.s.fset, l.view, path)
	if err != nil {
		return nil, fmt.Errorf("reading the export data of %s: %v", path, err)
	}
	return tp, nil
}

// sourceDeps returns the source packages that p depends on, directly or
// not.
func (l *loader) sourceDeps(p *packages.Package, seen map[string]bool) map[string]bool {
	deps := map[string]bool{}
	for _, imp := range p.Imports {
		if seen[imp.PkgPath] {
			continue
		}
		seen[imp.PkgPath] = true
		if l.sources[imp.PkgPath] != nil {
			deps[imp.PkgPath] = true
		}
		if dep := l.exports[imp.PkgPath]; dep != nil {
			for d := range l.sourceDeps(dep, seen) {
				deps[d] = true
			}
		}
	}
	return deps
}

// importNames returns the names of the packages that the source packages
// import without naming them, where the path does not say: a package of
// the standard library is named by the last element of its path (math/rand/v2
// is rand), and a source package by its clause.
func (l *loader) importNames() (map[string]string, error) {
	names := map[string]string{}
	var ask []string
	for _, src := range l.sources {
		names[src.list.PkgPath] = src.list.Name
		for _, f := range src.files {
			for _, imp := range f.Imports {
				path, err := strconv.Unquote(imp.Path.Value)
				if err != nil || imp.Name != nil || path == "C" || slices.Contains(ask, path) {
					continue
				}
				if l.s.isStd(path) {
					names[path] = stdName(path)
				} else {
					ask = append(ask, path)
				}
			}
		}
	}
	ask = slices.DeleteFunc(ask, func(path string) bool { return l.sources[path] != nil })
	slices.Sort(ask)
	listed, err := l.packageNames(ask)
	if err != nil {
		return nil, err
	}
	maps.Copy(names, listed)
	return names, nil
}

// stdName returns the name of the standard library package at path.
func stdName(path string) string {
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		return elems[len(elems)-2]
	}
	return last
}

// packageNames returns the names of the packages at paths, as the go
// command lists them; a path it cannot list is left out.
func (l *loader) packageNames(paths []string) (map[string]string, error) {
	names := map[string]string{}
	if len(paths) == 0 {
		return names, nil
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode:       packages.NeedName,
		Dir:        l.cfg.Dir,
		Env:        l.cfg.Env,
		BuildFlags: l.cfg.buildFlags(),
	}, paths...)
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", strings.Join(paths, " "), err)
	}
	for _, p := range pkgs {
		if p.Name != "" {
			names[p.PkgPath] = p.Name
		}
	}
	return names, nil
}
