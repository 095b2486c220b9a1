// Package intstr declares a type that holds an integer or a string, as
// Kubernetes' apimachinery does, and writes itself as one or the other.
package intstr

import (
	"encoding/json"
	"strconv"
)

// Kind says which of the two an IntOrString holds.
type Kind int

// The kinds of IntOrString.
const (
	Int Kind = iota
	String
)

// IntOrString is an integer or a string: 3, or "25%".
type IntOrString struct {
	Type   Kind
	IntVal int32
	StrVal string
}

// MarshalJSON writes the integer as a number, the string as a string.
func (v IntOrString) MarshalJSON() ([]byte, error) {
	if v.Type == String {
		return json.Marshal(v.StrVal)
	}
	return []byte(strconv.Itoa(int(v.IntVal))), nil
}

// UnmarshalJSON reads a number or a string.
func (v *IntOrString) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		v.Type = String
		return json.Unmarshal(b, &v.StrVal)
	}
	v.Type = Int
	return json.Unmarshal(b, &v.IntVal)
}
