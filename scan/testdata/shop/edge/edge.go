// Package edge holds type cases that cannot round-trip, so they are not in
// the shared corpus, but whose model must still be right.
package edge

import (
	"encoding/json"
	"net/http"
)

// Payload is any value that marshals itself.
type Payload interface {
	json.Marshaler
	Kind() string
}

// MyByte is a defined byte: a slice of it is an array of numbers, not
// base64.
type MyByte byte

// hidden is unexported and embedded through a pointer.
type hidden struct {
	Secret string `json:"secret"`
}

// Box is generic with omitempty on a type parameter field.
type Box[T any] struct {
	Value T `json:"value,omitempty"`
}

// Edge holds the cases.
type Edge struct {
	Marshaler json.Marshaler `json:"marshaler"`
	Payload   Payload        `json:"payload"`
	Header    http.Header    `json:"header"`
	Cookie    *http.Cookie   `json:"cookie"`
	Bytes     []MyByte       `json:"bytes"`
	*hidden
	Box Box[int] `json:"box"`
	// Self is recursive through a map.
	Self map[string]Edge `json:"self,omitempty"`
}

//actions:server
func Echo(e Edge) Edge { return e }
