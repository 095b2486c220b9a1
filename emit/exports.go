package emit

import (
	"fmt"
	"path/filepath"

	"github.com/actionsgo/actions/model"
)

// The suffixes of the names of the functions that a TypeScript module
// exports beside an action's own: <name>Query for a get action's TanStack
// Query options, <name>Form for a form action's form function.
const (
	QuerySuffix = "Query"
	FormSuffix  = "Form"
)

// Export is one value that the TypeScript module of a package exports.
// Values share one namespace, so two of one name would not compile.
type Export struct {
	Name string
	Pos  model.Pos
	Of   string // the Go name of what declares it: an action ("List", "Store.Save") or a type ("type Status")
	// Part is what of it the export is, "" for an action's own function:
	// "its constants", "its TanStack Query options", "its form function".
	Part string
}

// what names the export in a message: "List", or "the TanStack Query
// options of List".
func (e Export) what() string {
	if e.Part == "" {
		return e.Of
	}
	return "the " + e.Part[len("its "):] + " of " + e.Of
}

// TSExports returns the values that the TypeScript module of pkg exports,
// in this order: the const object of each enum, then each action's
// function, with its Query and Form functions after it. This is the one
// list of them; TSClashes finds two of one name.
func TSExports(pkg *model.Package) []Export {
	var out []Export
	for _, n := range pkg.Types {
		if len(n.Enum) > 0 {
			out = append(out, Export{Name: n.Name, Pos: n.Pos, Of: "type " + n.Name, Part: "its constants"})
		}
	}
	for _, a := range pkg.Actions {
		name := a.Name
		if a.Receiver != nil {
			name = a.Receiver.Type + "." + a.Name
		}
		out = append(out, Export{Name: a.TSName, Pos: a.Pos, Of: name})
		if a.Get {
			out = append(out, Export{Name: a.TSName + QuerySuffix, Pos: a.Pos, Of: name, Part: "its TanStack Query options"})
		}
		if a.Form != nil {
			out = append(out, Export{Name: a.TSName + FormSuffix, Pos: a.Pos, Of: name, Part: "its form function"})
		}
	}
	return out
}

// Clash is an export whose name an earlier export of its module has.
type Clash struct {
	Export
	Earlier Export
}

// Message says what clashes, for a diagnostic at the later export.
func (c Clash) Message() string {
	at := "" // a model built by hand may have no positions
	if p := c.Earlier.Pos; p.File != "" {
		at = fmt.Sprintf(" at %s:%d:%d", filepath.Base(p.File), p.Line, p.Col)
	}
	subject := c.Of + ": its TypeScript name " + c.Name
	if c.Part != "" {
		subject = c.Of + ": the TypeScript name " + c.Name + " of " + c.Part
	}
	return fmt.Sprintf("%s is also the name of %s%s; rename one of them, or give one another name with name=", subject, c.Earlier.what(), at)
}

// TSClashes returns the exports of pkg's module whose name an earlier one
// has, in the order of TSExports.
func TSClashes(pkg *model.Package) []Clash {
	var out []Clash
	first := map[string]Export{}
	for _, e := range TSExports(pkg) {
		if earlier, ok := first[e.Name]; ok {
			out = append(out, Clash{e, earlier})
			continue
		}
		first[e.Name] = e
	}
	return out
}
