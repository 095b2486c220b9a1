package goemit

import (
	"fmt"
	"go/token"
	"slices"
	"strings"
	"unicode"

	"github.com/actionsgo/actions/model"
)

// The packages every glue file imports.
const (
	actionsPath = "github.com/actionsgo/actions"
	contextPath = "context"
	iterPath    = "iter"
	timePath    = "time"
)

// glueIdents are the identifiers a Call literal declares (see glueNames).
// No import takes one of these names, which would be hidden in the literal.
var glueIdents = []string{"ctx", "args", "err", "result", serviceParam}

// importNames chooses the name the file uses for each package it imports,
// keyed by import path. A package's own name is used where it is free; a
// name already taken by an earlier import (the runtime, context, then the
// others by path: the tie-break), by a package-level identifier of the
// file's package, by an identifier of the glue, or by a predeclared
// identifier gets a number: geo, geo2.
func importNames(prog *model.Program, pkg *model.Package, paths []string) map[string]importName {
	taken := map[string]bool{"Actions": true}
	for _, n := range pkg.Types {
		taken[n.Name] = true
	}
	for _, a := range pkg.Actions {
		taken[a.Name] = true
	}
	// The glue's own identifiers would hide an import in the Call
	// literals, and predeclared ones would change meaning in the file.
	for _, id := range slices.Concat(glueIdents, predeclared) {
		taken[id] = true
	}
	// The runtime and context come first, so they keep their names.
	paths = slices.Clone(paths)
	slices.Sort(paths)
	order := append([]string{actionsPath, contextPath}, slices.DeleteFunc(paths, func(p string) bool {
		return p == actionsPath || p == contextPath
	})...)
	imports := make(map[string]importName, len(order))
	for _, p := range order {
		base, certain := packageName(prog, p)
		name := base
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s%d", base, i)
		}
		taken[name] = true
		imports[p] = importName{name: name, alias: !certain || name != base}
	}
	return imports
}

// importName is the name a file uses for an imported package. Alias says
// whether the import declaration must spell it: when it is not the
// package's own name, or that name is not known for sure.
type importName struct {
	name  string
	alias bool
}

// packageName returns the name of the package at importPath, and whether
// that is certain: it is for the runtime, for a package the run loaded, and
// for the standard library, whose package names are the last element of the
// path (math/rand/v2 is rand). Otherwise the name is a guess from the path,
// and the import must say it as an explicit alias.
func packageName(prog *model.Program, importPath string) (name string, certain bool) {
	if importPath == actionsPath {
		return "actions", true
	}
	if p := prog.Package(importPath); p != nil {
		return p.Name, true
	}
	elems := strings.Split(importPath, "/")
	name = elems[len(elems)-1]
	if len(elems) > 1 && isMajorVersion(name) {
		name = elems[len(elems)-2]
	}
	std := !strings.Contains(elems[0], ".")
	// gopkg.in/yaml.v3 is yaml; go-foo is, most likely, foo.
	if i := strings.Index(name, ".v"); i > 0 && isMajorVersion(name[i+1:]) {
		name = name[:i]
	}
	name = strings.Map(func(r rune) rune {
		if r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, strings.TrimPrefix(name, "go-"))
	if name == "" || !token.IsIdentifier(name) {
		name = "pkg"
	}
	return name, std
}

// isMajorVersion reports whether s is a major version suffix like v2.
func isMajorVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// typeImports adds to paths the import path of every package the Go
// spelling of t qualifies an identifier with.
func typeImports(t *model.Type, ownPkg string, paths map[string]bool) {
	if t == nil {
		return
	}
	if std, ok := stdTypes[t.Kind]; ok && t.Pkg == "" {
		paths[std[0]] = true
	}
	if t.Pkg != "" && t.Name != "" && t.Kind != model.KindTypeParam && t.Pkg != ownPkg {
		paths[t.Pkg] = true
	}
	for _, a := range t.TypeArgs {
		typeImports(a, ownPkg, paths)
	}
	typeImports(t.Elem, ownPkg, paths)
	typeImports(t.Key, ownPkg, paths)
	for _, f := range t.GoFields {
		typeImports(f.Type, ownPkg, paths)
	}
}

// predeclared lists Go's predeclared identifiers: no import may take one of
// these names, or the file's type expressions would mean something else.
var predeclared = []string{
	"any", "bool", "byte", "comparable", "complex64", "complex128", "error",
	"float32", "float64", "int", "int8", "int16", "int32", "int64", "rune",
	"string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
	"true", "false", "iota", "nil",
	"append", "cap", "clear", "close", "complex", "copy", "delete", "imag",
	"len", "make", "max", "min", "new", "panic", "print", "println", "real",
	"recover",
}
