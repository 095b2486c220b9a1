// Package typedirectives misuses the directives on types in every way the
// scanner reports.
package typedirectives

import "encoding/json"

// Word has a word //actions:enum does not take.
//
// want +2 1 `//actions:enum takes one word, open or closed`
//
//actions:enum opened
type Word string

const WordA Word = "a"

// Bare has no word at all.
//
// want +2 1 `//actions:enum takes one word, open or closed`
//
//actions:enum
type Bare string

const BareA Bare = "a"

// Twice says it twice.
//
// want +3 1 `duplicate //actions:enum: the type already has one at line 29`
//
//actions:enum open
//actions:enum closed
type Twice string

const TwiceA Twice = "a"

// NoEnum is a struct, which has no constants.
//
// want +2 1 `//actions:enum closed on type NoEnum, which is not an enum: an enum is a defined bool, number or string type with exported constants of its own type`
//
//actions:enum closed
type NoEnum struct {
	A Word  `json:"a"`
	B Bare  `json:"b"`
	C Twice `json:"c"`
}

// NoType has no TypeScript type after the directive.
//
// want +2 1 `//actions:ts needs the TypeScript type that the type's marshal methods write`
//
//actions:ts
type NoType struct{}

func (NoType) MarshalJSON() ([]byte, error) { return []byte("1"), nil }

// Plain does not marshal itself: its TypeScript type is its Go type's.
//
// want +2 1 `//actions:ts on type Plain, which has no marshal methods: its TypeScript type follows from its Go type \(a ts_type tag sets the type of one field\)`
//
//actions:ts number
type Plain struct {
	N int `json:"n"`
}

// Use reaches every type above.
//
//actions:server
func Use(v NoEnum, t NoType, p Plain, r json.RawMessage) {}

// Misplaced puts a type's directive on a function.
//
// want +2 1 `//actions:enum is not in the doc comment of a type declaration: it says what the values of a type are`
//
//actions:enum open
func Misplaced() {}

// Unreached is never reached, and its directive is still read.
//
// want +2 1 `//actions:ts needs the TypeScript type`
//
//actions:ts
type Unreached int

var (
	// want +2 2 `//actions:enum is not in the doc comment of a type declaration`
	//
	//actions:enum closed
	v int
)
