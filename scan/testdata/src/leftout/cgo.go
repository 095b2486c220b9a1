package leftout

// #define ANSWER 42
import "C"

// Answer is in no build without cgo.
//
// want +2 1 `^//actions:server in a file that some builds leave out \(it imports "C", which builds with CGO_ENABLED=0 leave out\)`
//
//actions:server
func Answer() int { return int(C.ANSWER) }
