//go:build integration && !race

package leftout

// Raceless is left out of race builds, which no tag changes.
//
// want +2 1 `^//actions:server in a file that some builds leave out \(its build constraint is integration && !race\): .* without build constraints$`
//
//actions:server
func Raceless() error { return nil }
