package leftout

// Windows is only in builds for windows.
//
// want +2 1 `^//actions:server in a file that some builds leave out \(its name ends in _windows\): the glue, which every build compiles, would call a missing function; move the action to a file without build constraints$`
//
//actions:server
func Windows() error { return nil }
