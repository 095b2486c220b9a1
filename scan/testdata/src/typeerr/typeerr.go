// Package typeerr has actions and a type error: it becomes a diagnostic.
package typeerr

//actions:server
func Broken() string {
	return undefinedName // want 9 `undefined: undefinedName`
}

//actions:server
func Ok(n Missing) {} // want 11 `undefined: Missing`
