package types

// Types spelled inline: anonymous structs as parameters and results, a
// defined byte type in a slice, and the byte and rune aliases.

// InlineBase is embedded in an anonymous struct: its fields are promoted.
type InlineBase struct {
	ID string `json:"id"`
}

// EchoOptions takes and returns an anonymous struct, which the glue writes
// out field by field: tags, embedded, unexported and json:"-" fields
// included, or the types would not be identical.
//
//actions:server
func EchoOptions(opts struct {
	InlineBase
	Limit  int      `json:"limit"`
	Labels []string `json:"labels,omitempty"`
	Secret string   `json:"-"`
	Nested struct {
		On bool `json:"on"`
	} `json:"nested"`
	note string
}) struct {
	InlineBase
	Limit  int      `json:"limit"`
	Labels []string `json:"labels,omitempty"`
	Secret string   `json:"-"`
	Nested struct {
		On bool `json:"on"`
	} `json:"nested"`
	note string
} {
	return opts
}

// MyByte is a defined byte type: a []MyByte is an array of numbers on the
// wire, not base64 (encoding/json/v2 takes only unnamed bytes as bytes).
type MyByte byte

//actions:server
func EchoMyBytes(v []MyByte) []MyByte { return v }

//actions:server
func EchoRunes(v [3]rune) [3]rune { return v }
