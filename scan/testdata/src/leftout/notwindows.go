//go:build !windows

package leftout

// NotWindows is in every build but those for windows: no tag includes it.
//
// want +2 1 `^//actions:server in a file that some builds leave out \(its build constraint is !windows\): .* without build constraints$`
//
//actions:server
func NotWindows() error { return nil }
