// Package typeerr has actions and type errors. Those in what the actions
// reach are diagnostics; those in function bodies, and in declarations that
// no action reaches, are left to the compiler: the scan does not check them.
package typeerr

//actions:server
func Broken() string {
	return undefinedName
}

//actions:server
func Ok(n Missing) {} // want 11 `undefined: Missing`

// Item is reached from an action: its errors are diagnostics.
type Item struct {
	Size Unknown `json:"size"` // want 7 `undefined: Unknown`
}

//actions:server
func Get() Item { return Item{} }

// Unreached is not reached from any action.
type Unreached struct {
	Size AlsoUnknown
}
