// Package store imports a package that does not compile, for its effects
// only, and uses another only in a function body: the scan builds
// neither.
package store

import (
	"example.com/bad/reach/broken"

	_ "example.com/bad/reach/broken/driver"
)

// Note is what the actions send.
type Note struct {
	Text string `json:"text"`
}

//actions:server
func AddNote(text string) (Note, error) {
	broken.Register()
	return Note{Text: text}, nil
}
