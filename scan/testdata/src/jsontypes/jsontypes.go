// Package jsontypes has actions that reach types encoding/json/v2 cannot
// send.
package jsontypes

import (
	"fmt"
	"unsafe"
)

// Item has a callback among its fields.
type Item struct {
	Name     string
	Callback func()
	Nested   Nested
	Again    *Item
	skipped  func() // unexported: never sent
	Ignored  func() `json:"-"`
}

// Nested has more fields that cannot be sent.
type Nested struct {
	Updates chan int
	Twice   func() // the same type as Item.Callback: reported once
	Number  complex128
}

//actions:server
func AddToCart(item Item) error { return nil } // want 6 `AddToCart: parameter item: field Callback has type func\(\), which cannot be sent as JSON` 6 `AddToCart: parameter item: field Nested.Updates has type chan int, which` 6 `AddToCart: parameter item: field Nested.Number has type complex128, which`

//actions:server
func Result() (Item, error) { return Item{}, nil } // want 6 `Result: result: field Callback has type func\(\)` 6 `Result: result: field Nested.Updates has type chan int` 6 `Result: result: field Nested.Number has type complex128`

//actions:server
func Direct(f func(), p unsafe.Pointer) {} // want 6 `Direct: parameter f has type func\(\), which cannot be sent as JSON$` 6 `Direct: parameter p has type unsafe.Pointer`

//actions:server
func Interface(s fmt.Stringer) {} // want 6 `Interface: parameter s has type fmt.Stringer, which cannot be sent as JSON \(an interface with methods has no JSON shape; use a concrete type\)`

//actions:server
func Keys(m map[complex128]string) {} // want 6 `Keys: parameter m has type map\[complex128\]string, which cannot be sent as JSON \(map keys must be strings, numbers, or types with text or JSON marshal methods\)`

// Holder reaches a bad type only through a type argument.
type Holder[T any] struct {
	Value T
}

//actions:server
func Instantiated(h Holder[chan bool]) {} // want 6 `Instantiated: parameter h: field Value has type chan bool`

// Marshals hides a func behind its own MarshalJSON: fine.
type Marshals struct {
	F func()
}

// MarshalJSON writes null.
func (Marshals) MarshalJSON() ([]byte, error) { return []byte("null"), nil }

//actions:server
func Fine(m Marshals) {}
