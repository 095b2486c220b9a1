// Package tsclash exports values of one name from its TypeScript module in
// the ways besides two actions of one name (see directives).
package tsclash

// status is an enum whose const object is named status in TypeScript.
type status string

// The statuses.
const (
	Open   status = "open"
	Closed status = "closed"
)

// Status is named status in TypeScript, like the enum's constants.
//
//actions:server
func Status(s status) {} // want 6 `Status: its TypeScript name status is also the name of the constants of type status at tsclash.go:6:6; rename one of them, or give one another name with name=`

// List is a read, which also exports listQuery.
//
//actions:server get
func List() []string { return nil }

// ListQuery is named listQuery, like List's query options.
//
//actions:server
func ListQuery() {} // want 6 `ListQuery: its TypeScript name listQuery is also the name of the TanStack Query options of List at tsclash.go:22:6`

// Form is a form action's struct.
type Form struct {
	Name string `json:"name"`
}

// Place takes a form, and exports placeForm.
//
//actions:server form
func Place(f Form) {}

// Other takes the name of Place's form function.
//
//actions:server name=placeForm
func Other() {} // want 6 `Other: its TypeScript name placeForm is also the name of the form function of Place at tsclash.go:37:6`
