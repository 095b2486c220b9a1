// Every exported function of this file is an action.

//actions:server

// want +2 1 `duplicate //actions:server: the file already has one at line 3`
//
//actions:server

package filelevel

// Marked twice: by the file and by its own directive.
//
// want +2 1 `duplicate //actions:server on Marked: the directive above the package clause at line 3 already marks every exported function of the file`
//
//actions:server
func Marked() {}

// Spread is variadic, and the file marks it.
func Spread(xs ...string) {} // want 6 `Spread is variadic`

// Generic is generic, and the file marks it.
func Generic[T any]() {} // want 6 `Generic is generic`

// skipped is unexported: the file-level directive leaves it alone.
func skipped(ch chan int) {}

// T has a method the file-level directive leaves alone.
type T struct{}

// M is a method: not marked.
func (T) M(ch chan int) {}
