// Package json is named like the standard library's.
package json

// Doc is a document.
type Doc struct {
	Body string `json:"body"`
}
