package types

import (
	"encoding/json/jsontext"
	"time"
)

// Tagged covers the struct tag options of encoding/json/v2.
type Tagged struct {
	// Renamed travels as "name".
	Renamed  string `json:"name"`
	Untagged string
	// NoName keeps its Go name: the tag has options only.
	NoName  string `json:",omitempty"`
	Skipped string `json:"-"`
	// Dash travels as "-": a name followed by an option (json:"-," is
	// malformed in v2).
	Dash   string `json:"-,case:strict"`
	secret string `json:"-"`
	// Spaced and Symbol have names v2 takes as they are.
	Spaced string `json:"a b"`
	Symbol string `json:"x=☃"`

	OmitString  string         `json:"omitString,omitempty"`
	OmitInt     int            `json:"omitInt,omitempty"`
	OmitBool    bool           `json:"omitBool,omitempty"`
	OmitPointer *int           `json:"omitPointer,omitempty"`
	OmitSlice   []string       `json:"omitSlice,omitempty"`
	OmitMap     map[string]int `json:"omitMap,omitempty"`
	OmitAny     any            `json:"omitAny,omitempty"`
	OmitBytes   []byte         `json:"omitBytes,omitempty"`
	// OmitStruct is never omitted: an Item always has members, so it never
	// encodes as {}.
	OmitStruct Item `json:"omitStruct,omitempty"`
	// OmitSparse may be: every member of a Sparse may be left out.
	OmitSparse Sparse    `json:"omitSparse,omitempty"`
	OmitEmpty  struct{}  `json:"omitEmpty,omitempty"`
	OmitTime   time.Time `json:"omitTime,omitempty"`
	// OmitDuration is never omitted: a number.
	OmitDuration time.Duration `json:"omitDuration,omitempty"`
	// OmitArray is never omitted: an array of length 2 is never empty.
	OmitArray      [2]int  `json:"omitArray,omitempty"`
	OmitEmptyArray [0]int  `json:"omitEmptyArray,omitempty"`
	OmitFixed      [2]byte `json:"omitFixed,omitempty"`
	OmitEnum       Status  `json:"omitEnum,omitempty"`
	// OmitCode may be: its MarshalText writes "" for a zero Code.
	OmitCode   Code      `json:"omitCode,omitempty"`
	ZeroTime   time.Time `json:"zeroTime,omitzero"`
	ZeroStruct Item      `json:"zeroStruct,omitzero"`
	ZeroInt    int       `json:"zeroInt,omitzero"`
	// ZeroWindow is left out when its IsZero method says so.
	ZeroWindow Window `json:"zeroWindow,omitzero"`
	// ZeroSpan has IsZero on its pointer, which v2 calls too.
	ZeroSpan Span   `json:"zeroSpan,omitzero"`
	Both     string `json:"both,omitempty,omitzero"`

	QuotedInt     int64    `json:"quotedInt,string"`
	QuotedUint    uint16   `json:"quotedUint,string"`
	QuotedFloat   float64  `json:"quotedFloat,string"`
	QuotedPointer *int     `json:"quotedPointer,string"`
	QuotedDeep    **int8   `json:"quotedDeep,string"`
	QuotedEnum    Priority `json:"quotedEnum,string"`
	// QuotedOmitted is "0" when zero: omitempty never leaves out a quoted
	// number.
	QuotedOmitted int `json:"quotedOmitted,string,omitempty"`

	// Folded is read under any name equal to "user_name" ignoring case,
	// '-' and '_', and written as "user_name".
	Folded string `json:"user_name,case:ignore"`
	Strict string `json:"strict,case:strict"`

	Override  time.Time `json:"override" ts_type:"Date"`
	Override2 int64     `json:"override2" tstype:"bigint"`

	Open   Open   `json:"open"`
	Opener Opener `json:"opener"`
	Loose  Loose  `json:"loose"`
}

// Sparse has only members that omitempty may leave out, so a Sparse may
// encode as {}.
type Sparse struct {
	Note string   `json:"note,omitempty"`
	Tags []string `json:"tags,omitempty"`
}

// Window is zero, for omitzero, when it has no end, whatever its start.
type Window struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// IsZero reports a window without an end.
func (w Window) IsZero() bool { return w.To == 0 }

// Span has IsZero on its pointer.
type Span struct {
	Length int `json:"length"`
}

// IsZero reports a span of no length.
func (s *Span) IsZero() bool { return s.Length == 0 }

// Open keeps the members it does not name in Attrs: v2 writes them beside
// id, and reads unknown members into it.
type Open struct {
	ID    string `json:"id"`
	Count int    `json:"count,omitzero"`
	// Attrs holds the other members.
	Attrs map[string]string `json:",embed"`
}

// Opener embeds Open: its fallback is promoted with its fields.
type Opener struct {
	Open
	Note string `json:"note"`
}

// Loose keeps the members it does not name as raw JSON.
type Loose struct {
	Kind string         `json:"kind"`
	Rest jsontext.Value `json:",embed"`
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
	Shared
}

// Right is embedded beside Left.
type Right struct {
	Code string
	Note string
	Both string `json:"both"`
	Shared
}

// Shared is embedded by both Left and Right: its fields conflict at the
// same depth and are dropped, but those of the struct it embeds, walked
// once, are not.
type Shared struct {
	Twice string `json:"twice"`
	Once
}

// Once is embedded by Shared.
type Once struct {
	Once string `json:"once"`
}

// Extra is embedded with a tag, so it is a field, not promoted.
type Extra struct {
	Info string `json:"info"`
}

// Label is a non-struct type embedded by Embedding, with the JSON name v2
// requires for it.
type Label string

// inner is an unexported struct whose exported fields are promoted.
type inner struct {
	Hidden string `json:"hidden"`
}

// hiddenNumber is an unexported non-struct type, embedded with json:"-":
// v2 refuses it otherwise.
type hiddenNumber int

// Deep is embedded twice removed.
type Deep struct {
	Level string `json:"level"`
}

// Middle embeds Deep.
type Middle struct {
	Deep
}

// Boxed is not embedded in Go, but its field has the embed option.
type Boxed struct {
	Width int `json:"width"`
}

// Embedding covers how encoding/json/v2 promotes embedded fields.
type Embedding struct {
	Base
	*Meta
	Left
	Right
	Extra `json:"extra"`
	Label `json:"label"`
	inner
	hiddenNumber `json:"-"`
	*Middle
	// Box's members are promoted: the embed option.
	Box Boxed `json:",embed"`
	// Name is shallower than Base.Name, so it wins.
	Name string `json:"name"`
}
