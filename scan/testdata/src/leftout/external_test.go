package leftout_test

// want +2 1 `^//actions:server in a test file`
//
//actions:server
func External() error { return nil }
