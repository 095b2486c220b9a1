// Package resource declares a quantity that writes itself as a string, as
// Kubernetes' apimachinery does: "100m", "1Gi".
package resource

import "encoding/json"

// Quantity is an amount of a resource.
type Quantity struct {
	s string
}

// MustParse returns the quantity s.
func MustParse(s string) Quantity { return Quantity{s} }

// String returns the quantity as written.
func (q Quantity) String() string { return q.s }

// MarshalJSON writes the quantity as a string.
func (q Quantity) MarshalJSON() ([]byte, error) { return json.Marshal(q.s) }

// UnmarshalJSON reads a quantity from a string.
func (q *Quantity) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, &q.s) }
