//go:build integration || e2e

// want +1 1 `^//actions:server in a file that some builds leave out \(its build constraint is integration \|\| e2e\): .*; move the action to a file without build constraints, or run gen -tags integration if every build sets that tag$`
//actions:server

package leftout

func Integration() error { return nil }
