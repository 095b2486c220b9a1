package leftout

import "testing"

// Helper is in a test file.
//
// want +2 1 `^//actions:server in a test file: the glue is built with the package, which leaves its _test\.go files out; move the action to a file without the _test suffix$`
//
//actions:server
func Helper() error { return nil }

// Spaced is misspelled, and in a test file too.
//
// want +2 1 `^//actions:server in a test file`
//
// actions:server
func Spaced() error { return nil }

func TestPing(t *testing.T) { Ping() }
