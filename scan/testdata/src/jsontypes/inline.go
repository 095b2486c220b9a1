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

// An anonymous struct is written out in the glue, every field included, so
// a field whose type the model cannot describe is reported even if it
// does not travel.
//
//actions:server
func InlineHooks(opts struct { // want 6 `InlineHooks: parameter opts: field hook has type func\(\), which the generated code cannot write out in an anonymous struct \(declare a named struct type for it\)$` 6 `InlineHooks: parameter opts: field Skip has type chan int, which the generated code`
	Name string `json:"name"`
	hook func()
	Skip chan int `json:"-"`
}) {
}

//actions:server
func InlineResult() (out struct { // want 6 `InlineResult: result: field Nested.fn has type func\(\) int, which the generated code cannot write out` 6 `InlineResult: result: field Nested has type struct{fn func\(\) int}, which encoding/json/v2 refuses: it has fields but none that can be sent`
	Nested struct {
		fn func() int
	}
}) {
	return out
}
