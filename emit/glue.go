package emit

import "github.com/actionsgo/actions/model"

// ActionsFunc is the function the Go glue of every package with actions
// declares: func Actions() []actions.Action, and func <T>Actions(s *T) for
// each service type T.
const ActionsFunc = "Actions"

// GlueNames returns the package-level identifiers that the Go glue declares
// in pkg, a package with actions. This is the one list of them: the package
// must leave them to the glue, and the scanner reports any that it declares
// itself, so that the glue never fails to compile over a name.
func GlueNames(pkg *model.Package) []string {
	names := []string{ActionsFunc}
	seen := map[string]bool{}
	for _, a := range pkg.Actions {
		if a.Receiver != nil && !seen[a.Receiver.Type] {
			seen[a.Receiver.Type] = true
			names = append(names, a.Receiver.Type+ActionsFunc)
		}
	}
	return names
}
