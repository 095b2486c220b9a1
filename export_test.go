package actions

import "reflect"

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

// CheckKeys runs the key check of type t over JSON value data.
func CheckKeys(data []byte, t reflect.Type) error {
	if _, _, err := splitArgs(append(append([]byte("["), data...), ']'), DefaultMaxDepth, 1, nil); err != nil {
		return err
	}
	return checkKeys(data, schemaFor(t))
}

// HasSchema reports whether values of type t have keys to check.
func HasSchema(t reflect.Type) bool { return schemaFor(t) != nil }

// DecodeBody decodes body, a JSON array of one argument named "v", into v.
func DecodeBody(body []byte, v any) error {
	args := Args{params: []string{"v"}}
	if err := args.split(body, DefaultMaxDepth); err != nil {
		return err
	}
	return args.Decode(v)
}
