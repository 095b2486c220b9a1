// Package types holds one named type per type case of the model, and one
// action per case that takes a value of it and returns it unchanged, so every
// layer can prove its mapping with a round trip.
package types

// Scalars has one field of every predeclared scalar type.
type Scalars struct {
	Bool    bool    `json:"bool"`
	Int     int     `json:"int"`
	Int8    int8    `json:"int8"`
	Int16   int16   `json:"int16"`
	Int32   int32   `json:"int32"`
	Int64   int64   `json:"int64"`
	Uint    uint    `json:"uint"`
	Uint8   uint8   `json:"uint8"`
	Uint16  uint16  `json:"uint16"`
	Uint32  uint32  `json:"uint32"`
	Uint64  uint64  `json:"uint64"`
	Uintptr uintptr `json:"uintptr"`
	Float32 float32 `json:"float32"`
	Float64 float64 `json:"float64"`
	String  string  `json:"string"`
	// Byte and Rune are aliases: they travel as uint8 and int32.
	Byte byte `json:"byte"`
	Rune rune `json:"rune"`
}

// Celsius is a defined scalar type without constants: a plain number.
type Celsius float64

// Status is where an order is: a string enum.
type Status string

// The statuses of an order, in the order they happen.
const (
	// StatusPending waits for payment.
	StatusPending Status = "pending"
	// StatusPaid is paid and waits to be shipped.
	StatusPaid    Status = "paid"
	StatusShipped Status = "shipped"
	// statusLost is unexported, so it is not part of the enum.
	statusLost Status = "lost"
)

// Priority is an integer enum.
type Priority int

// Priorities, from iota.
const (
	PriorityLow Priority = iota
	PriorityMedium
	PriorityHigh
)

// Ratio is a float enum.
type Ratio float32

// Common ratios.
const (
	RatioHalf    Ratio = 0.5
	RatioQuarter Ratio = 0.25
)

// Toggle is a bool enum.
type Toggle bool

// The two states of a toggle.
const (
	ToggleOn  Toggle = true
	ToggleOff Toggle = false
)

// Escaped is a string enum whose values need escaping as JSON literals.
type Escaped string

// Values with a quote, which JSON escapes, and characters of HTML, which
// encoding/json/v2 writes as they are.
const (
	EscapedQuote Escaped = `say "hi"`
	EscapedHTML  Escaped = "<b>&</b>"
)
