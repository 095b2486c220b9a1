// Package orders has no actions: it comes from export data, and its types
// lead back to catalog.
package orders

import "example.com/bad/reach/catalog"

type Order struct {
	Kind catalog.Kind `json:"kind"`
	Item catalog.Item `json:"item"`
}
