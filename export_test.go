package actions

import (
	"fmt"
	"reflect"
	"sync/atomic"
)

// Hooks for the external tests (package actions_test), which import the
// shared test corpus; that corpus imports this package.

// FieldNames returns the exact JSON names of struct type t.
func FieldNames(t reflect.Type) []string {
	var names []string
	for _, f := range jsonFields(t) {
		names = append(names, f.name)
	}
	return names
}

// CheckKeys runs the key check of type t over JSON value data, both as
// Decode's walk and as the pre-pass does it for a learned schema, and
// fails if the two disagree.
func CheckKeys(data []byte, t reflect.Type) error {
	s := schemaFor(t)
	learned := make([]atomic.Pointer[schema], 1)
	learned[0].Store(s)
	c := checker{data: append(append([]byte("["), data...), ']'), maxDepth: DefaultMaxDepth, arg: -1, learned: learned}
	if _, _, err := c.split(1, nil); err != nil {
		return err
	}
	err := checkKeys(data, s)
	if s != nil && (err == nil) != (c.keys[0] == s) {
		return fmt.Errorf("the pre-pass finds the keys exact: %v, the walk says: %v", c.keys[0] == s, err)
	}
	return err
}

// HasSchema reports whether values of type t have keys to check.
func HasSchema(t reflect.Type) bool { return schemaFor(t) != nil }

// DecodeBody decodes body, a JSON array of one argument named "v", into v.
func DecodeBody(body []byte, v any) error {
	args := Args{action: &served{Action: &Action{Params: []string{"v"}}}}
	if err := args.split(body, DefaultMaxDepth); err != nil {
		return err
	}
	return args.Decode(v)
}
