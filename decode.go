package actions

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
)

// unmarshal decodes one checked argument into v, turning encoding/json's
// errors into messages for the client, which knows JSON, not Go types.
func unmarshal(data []byte, v any) error {
	err := json.Unmarshal(data, v)
	if err == nil {
		return nil
	}
	if e, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		msg := "want " + jsonKind(e.Type) + ", got " + gotValue(e.Value)
		if e.Field != "" {
			msg = "field " + e.Field + ": " + msg
		}
		return errors.New(msg)
	}
	return err
}

// jsonKind names the JSON a Go type decodes from.
func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer that fits in " + t.Kind().String()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "a non-negative integer that fits in " + t.Kind().String()
	case reflect.Float32, reflect.Float64:
		return "a number that fits in " + t.Kind().String()
	case reflect.String:
		return "a string"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "a base64 string"
		}
		return "an array"
	case reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "a value of another type"
}

// gotValue words what encoding/json says it found: "string", "number 1.5".
func gotValue(v string) string {
	if n, ok := strings.CutPrefix(v, "number "); ok {
		return n
	}
	switch v {
	case "array", "object":
		return "an " + v
	case "bool":
		return "a boolean"
	}
	return "a " + v
}
