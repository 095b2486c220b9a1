package leftout

// Linux is only in builds for linux on amd64.
//
// want +2 1 `^//actions:server in a file that some builds leave out \(its name ends in _linux_amd64\)`
//
//actions:server
func Linux() error { return nil }
