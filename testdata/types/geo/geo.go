// Package geo declares a type that the types corpus reaches from another
// package, so the scanner and emitters see a cross-package reference.
package geo

// Point is a position on a map.
type Point struct {
	// Lat is the latitude in degrees.
	Lat float64 `json:"lat"`
	// Lng is the longitude in degrees.
	Lng float64 `json:"lng"`
}
