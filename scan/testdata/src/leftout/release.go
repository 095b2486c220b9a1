//go:build go1.21

package leftout

// Release is in every build of this module, which needs a newer Go.
//
//actions:server
func Release() error { return nil }
