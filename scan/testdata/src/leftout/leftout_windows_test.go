package leftout

// want +2 1 `^//actions:server in a test file`
//
//actions:server
func WindowsTest() error { return nil }
