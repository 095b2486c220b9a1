package jsontypes

// Hooked has fields that cannot travel but do not need to: the glue never
// writes out a named struct.
type Hooked struct {
	Name string `json:"name"`
	hook func()
	Skip chan int `json:"-"`
}

//actions:server
func NamedHooks(h Hooked) {}

// An anonymous struct is written out in the glue, every field included:
// fields that do not travel are spelt as declared.
//
//actions:server
func InlineHooks(opts struct {
	Name string `json:"name"`
	hook func()
	Skip chan int `json:"-"`
}) {
}

//actions:server
func InlineResult() (out struct { // want 6 `InlineResult: result: field Nested has type struct{fn func\(\) int}, which encoding/json/v2 refuses: it has fields but none that can be sent`
	Nested struct {
		fn func() int
	}
}) {
	return out
}
