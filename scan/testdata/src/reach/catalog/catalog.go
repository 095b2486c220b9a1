// Package catalog has actions, and types that only another package's
// export data leads to (orders.Order has an Item).
package catalog

// Kind is an enum whose constants are written three ways.
type Kind string

const (
	KindA Kind = "a"
	KindB      = Kind("b")
)

// KindC mentions no type, only another constant of Kind.
const KindC = KindB + "c"

//actions:server
func Kinds() []Kind { return []Kind{KindA, KindB, KindC} }

// Item is not reached from catalog's own actions.
type Item struct {
	Size Size `json:"size"`
}

// Size is an enum too.
type Size int

const (
	Small Size = iota
	Large
)
