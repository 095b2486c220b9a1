package tsemit

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actionsgo/actions/model"
)

// importSet collects the imports of one module and gives each imported
// symbol its local name.
//
// Tie-break rule: a name the module declares itself keeps its name (a type
// parameter of one of its generic types counts: it would hide an import
// in that declaration), and an imported type that collides with it, or with a type of the same name from
// another module, is imported under an alias made of the exporting module's
// key in PascalCase and the name ("Item" from admin_cart.ts becomes
// AdminCartItem). Any name still taken gets underscores appended. Aliases
// are chosen in a fixed order (runtime first, then by module and name), so
// the output is deterministic.
type importSet struct {
	taken   map[string]bool // local names in use, values and types alike
	local   map[string]bool // type names the module declares
	byName  map[string]int  // how many modules export each imported type name
	symbols map[symbolKey]*symbol
}

type symbolKey struct{ specifier, name string }

type symbol struct {
	symbolKey
	prefix string // PascalCase key of the exporting module, for an alias
	typ    bool   // imported with "type"
	as     string // local name, set by resolve
}

func newImportSet(localTypes, localValues []string) *importSet {
	s := &importSet{
		taken:   map[string]bool{},
		local:   map[string]bool{},
		byName:  map[string]int{},
		symbols: map[symbolKey]*symbol{},
	}
	for _, n := range localTypes {
		s.taken[n] = true
		s.local[n] = true
	}
	for _, n := range localValues {
		s.taken[n] = true
	}
	return s
}

// add imports a symbol of the runtime right away and returns its local name.
func (s *importSet) add(specifier, name string, typ bool) string {
	sym := &symbol{symbolKey: symbolKey{specifier, name}, typ: typ}
	sym.as = s.free(name)
	s.symbols[sym.symbolKey] = sym
	return sym.as
}

// addType records that the module refers to the type name of package pkg.
// Its local name is known after resolve.
func (s *importSet) addType(pkg *model.Package, name string) {
	key := symbolKey{"./" + pkg.Key + ".js", name}
	if s.symbols[key] != nil {
		return
	}
	s.byName[name]++
	s.symbols[key] = &symbol{symbolKey: key, prefix: pascal(pkg.Key), typ: true}
}

// addValue records that the module calls the function name of package pkg
// (a reviver, with -ts-dates or -ts-int64=bigint). Its local name is known
// after resolve.
func (s *importSet) addValue(pkg *model.Package, name string) {
	key := symbolKey{"./" + pkg.Key + ".js", name}
	if s.symbols[key] != nil {
		return
	}
	s.byName[name]++
	s.symbols[key] = &symbol{symbolKey: key, prefix: pascal(pkg.Key)}
}

// resolve gives every imported type its local name.
func (s *importSet) resolve() {
	for _, sym := range s.sorted() {
		if sym.as != "" {
			continue
		}
		name := sym.name
		if s.local[name] || s.byName[name] > 1 || s.taken[name] {
			name = sym.prefix + name
		}
		sym.as = s.free(name)
	}
}

// free returns name, with underscores appended until no local name is
// equal, and marks it taken.
func (s *importSet) free(name string) string {
	for s.taken[name] {
		name += "_"
	}
	s.taken[name] = true
	return name
}

// sorted returns the symbols by module specifier, then name.
func (s *importSet) sorted() []*symbol {
	var syms []*symbol
	for _, sym := range s.symbols {
		syms = append(syms, sym)
	}
	slices.SortFunc(syms, func(a, b *symbol) int {
		return cmp.Or(strings.Compare(a.specifier, b.specifier), strings.Compare(a.name, b.name))
	})
	return syms
}

// localName returns the name under which the module refers to the type name
// of package pkg.
func (s *importSet) localName(pkg *model.Package, name string) string {
	if sym := s.symbols[symbolKey{"./" + pkg.Key + ".js", name}]; sym != nil {
		return sym.as
	}
	return name
}

// render returns the import declarations, one per module, sorted by
// specifier: "import type" when only types are imported, otherwise type
// modifiers on the type names.
func (s *importSet) render() string {
	s.resolve()
	var b strings.Builder
	syms := s.sorted()
	for i := 0; i < len(syms); {
		j := i
		allTypes := true
		for j < len(syms) && syms[j].specifier == syms[i].specifier {
			allTypes = allTypes && syms[j].typ
			j++
		}
		var names []string
		for _, sym := range syms[i:j] {
			n := sym.name
			if sym.as != sym.name {
				n += " as " + sym.as
			}
			if sym.typ && !allTypes {
				n = "type " + n
			}
			names = append(names, n)
		}
		kw := "import"
		if allTypes {
			kw = "import type"
		}
		b.WriteString(kw + " { " + strings.Join(names, ", ") + " } from " + quote(syms[i].specifier) + ";\n")
		i = j
	}
	return b.String()
}

// pascal turns a package key like "shop_cart" into "ShopCart".
func pascal(key string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(key, func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == '/' }) {
		r, size := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[size:])
	}
	return b.String()
}
