package types

import "time"

// Tagged covers the struct tag options of encoding/json.
type Tagged struct {
	// Renamed travels as "name".
	Renamed  string `json:"name"`
	Untagged string
	// NoName keeps its Go name: the tag has options only.
	NoName  string `json:",omitempty"`
	Skipped string `json:"-"`
	Dash    string `json:"-,"`
	secret  string `json:"secret"`
	Invalid string `json:"a\\b"`

	OmitString  string         `json:"omitString,omitempty"`
	OmitInt     int            `json:"omitInt,omitempty"`
	OmitPointer *int           `json:"omitPointer,omitempty"`
	OmitSlice   []string       `json:"omitSlice,omitempty"`
	OmitMap     map[string]int `json:"omitMap,omitempty"`
	OmitAny     any            `json:"omitAny,omitempty"`
	// OmitStruct is never omitted: omitempty does not apply to structs.
	OmitStruct Item      `json:"omitStruct,omitempty"`
	OmitTime   time.Time `json:"omitTime,omitempty"`
	// OmitArray is never omitted: an array of length 2 is never empty.
	OmitArray      [2]int    `json:"omitArray,omitempty"`
	OmitEmptyArray [0]int    `json:"omitEmptyArray,omitempty"`
	OmitEnum       Status    `json:"omitEnum,omitempty"`
	ZeroTime       time.Time `json:"zeroTime,omitzero"`
	ZeroStruct     Item      `json:"zeroStruct,omitzero"`
	Both           string    `json:"both,omitempty,omitzero"`

	QuotedInt     int64    `json:"quotedInt,string"`
	QuotedBool    bool     `json:"quotedBool,string"`
	QuotedFloat   float64  `json:"quotedFloat,string"`
	QuotedString  string   `json:"quotedString,string"`
	QuotedPointer *int     `json:"quotedPointer,string"`
	QuotedEnum    Priority `json:"quotedEnum,string"`
	// NotQuoted has ",string" on a slice, which encoding/json ignores.
	NotQuoted []int `json:"notQuoted,string"`

	Override  time.Time `json:"override" ts_type:"Date"`
	Override2 int64     `json:"override2" tstype:"bigint"`
}

// Base is embedded by Embedding.
type Base struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
	// Name is hidden by Embedding.Name, which is shallower.
	Name string `json:"name"`
}

// Meta is embedded through a pointer: its fields may be left out.
type Meta struct {
	Region string `json:"region"`
	Zone   string `json:"zone,omitempty"`
}

// Left and Right are embedded side by side to show the conflict rules.
type Left struct {
	// Code is tagged, so it beats Right.Code at the same depth.
	Code string `json:"Code"`
	// Note conflicts with Right.Note, untagged at the same depth:
	// both are dropped.
	Note string
	// Both conflicts with Right.Both, tagged on both sides: dropped.
	Both string `json:"both"`
}

// Right is embedded beside Left.
type Right struct {
	Code string
	Note string
	Both string `json:"both"`
}

// Extra is embedded with a tag, so it is a field, not promoted.
type Extra struct {
	Info string `json:"info"`
}

// Label is a non-struct type embedded by Embedding.
type Label string

// inner is an unexported struct whose exported fields are promoted.
type inner struct {
	Hidden string `json:"hidden"`
}

// hiddenNumber is an unexported non-struct type: embedded, it is ignored.
type hiddenNumber int

// Deep is embedded twice removed.
type Deep struct {
	Level string `json:"level"`
}

// Middle embeds Deep.
type Middle struct {
	Deep
}

// Embedding covers how encoding/json promotes embedded fields.
type Embedding struct {
	Base
	*Meta
	Left
	Right
	Extra `json:"extra"`
	Label
	inner
	hiddenNumber
	*Middle
	// Name is shallower than Base.Name, so it wins.
	Name string `json:"name"`
}
