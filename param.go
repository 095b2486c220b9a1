package actions

import (
	"encoding"
	"encoding/json/jsontext"
	"encoding/json/v2"
	"errors"
	"reflect"
	"time"
)

// Parameter is one parameter of an action, as Param declares it: everything
// the handler needs to decode its argument is worked out once, when the glue
// builds its Actions, not on each call.
type Parameter struct {
	// Name is the parameter's name, used in error messages.
	Name string

	newValue func() any          // a pointer to a new zero value of the type
	validate func(v any) error   // calls Validate through the pointer, or nil
	typ      reflect.Type        // the parameter's type, for messages
	nullable bool                // a JSON null is a value of the type
	options  json.Options        // the codec's, with unmarshal below
	depth    int                 // how deep a value of the type can nest; unbounded < 0
	_        [0]func(*Parameter) // not comparable: compare by Name

	// unmarshal decodes what the type reaches that the codec's defaults
	// do not: a time.Duration, a closed enum's values. Nil when nothing.
	unmarshal *json.Unmarshalers
}

// Param declares a parameter named name of type T. Generated glue calls it;
// the argument reaches Action.Call as a *T. enums are the closed enums that
// T reaches (see Enum): the handler refuses a value of one of them that is
// none of its values. A parameter without them decodes with the codec's
// options alone.
func Param[T any](name string, enums ...EnumSet) Parameter {
	t := reflect.TypeFor[T]()
	p := Parameter{
		Name:     name,
		newValue: func() any { return new(T) },
		typ:      t,
		nullable: nullable(t),
		depth:    depthOf(t, map[reflect.Type]bool{}),
		options:  strict,
	}
	if decodesDuration(t) {
		p.options, p.unmarshal = decodeOptions, durationUnmarshaler
	}
	if len(enums) > 0 {
		us := []*json.Unmarshalers{p.unmarshal}
		for _, e := range enums {
			us = append(us, e.unmarshal)
		}
		p.unmarshal = json.JoinUnmarshalers(us...)
		p.options = json.JoinOptions(strict, json.WithUnmarshalers(p.unmarshal))
	}
	switch {
	case t.Kind() == reflect.Pointer && t.Implements(validatorType):
		// A *U parameter whose U or *U has the method: call it unless the
		// argument was null.
		p.validate = func(v any) error {
			if u := *v.(*T); any(u) != any(*new(T)) {
				return any(u).(validator).Validate()
			}
			return nil
		}
	case t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(validatorType):
		// The method is on T or *T: the pointer has it either way.
		p.validate = func(v any) error { return v.(validator).Validate() }
	}
	return p
}

// validator is the method an argument may have to check itself.
type validator interface{ Validate() error }

var validatorType = reflect.TypeFor[validator]()

// Types whose methods decode a value themselves: the codec calls them in
// this order of precedence (v2's UnmarshalerFrom, then v1's and v2's
// Unmarshaler, then the text form).
var (
	unmarshalerFromType = reflect.TypeFor[json.UnmarshalerFrom]()
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonValueType       = reflect.TypeFor[jsontext.Value]()
	timeType            = reflect.TypeFor[time.Time]()
	durationType        = reflect.TypeFor[time.Duration]()
)

// decodesJSON reports whether a value of type t decodes any JSON value with
// a method of its own: the codec hands it the value, whatever its shape.
func decodesJSON(t reflect.Type) bool {
	if t == timeType {
		return false // the codec decodes times itself, from strings
	}
	pt := reflect.PointerTo(t)
	return pt.Implements(unmarshalerFromType) || pt.Implements(unmarshalerType) || t == jsonValueType
}

// decodesText reports whether the codec decodes a value of type t from a
// JSON string with its UnmarshalText method.
func decodesText(t reflect.Type) bool {
	return !decodesJSON(t) && reflect.PointerTo(t).Implements(textUnmarshalerType)
}

// nullable reports whether a JSON null is a value of type t as the
// TypeScript types describe it: a pointer's null, any JSON value of an
// interface, or whatever a type that decodes itself makes of it. Other types
// (numbers, strings, slices, maps, structs) are never null on the wire, so
// their types say so, and a null for them is refused.
func nullable(t reflect.Type) bool {
	switch {
	case t.Kind() == reflect.Pointer, t.Kind() == reflect.Interface:
		return true
	case decodesJSON(t):
		return true
	}
	return false
}

// depthOf returns how deeply objects and arrays can nest in the JSON of a
// value of type t, as the codec decodes it (an int is 0 deep, a struct of
// ints 1), or -1 when nothing in the type bounds it: an interface, a type
// that decodes JSON itself, a recursive type. The handler checks the depth
// of an argument only where the type does not bound it within
// Options.MaxDepth, which for most types spares a second pass over the
// body. on holds the types being walked, to find recursion.
func depthOf(t reflect.Type, on map[reflect.Type]bool) int {
	switch {
	case t == timeType || t == durationType, decodesText(t):
		return 0
	case decodesJSON(t), t.Kind() == reflect.Interface:
		return -1
	}
	if on[t] {
		return -1
	}
	on[t] = true
	defer delete(on, t)
	inner := func(ts ...reflect.Type) int {
		d := 0
		for _, t := range ts {
			n := depthOf(t, on)
			if n < 0 {
				return -1
			}
			d = max(d, n)
		}
		return d + 1
	}
	switch t.Kind() {
	case reflect.Pointer:
		return depthOf(t.Elem(), on)
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return 0 // bytes travel as a base64 string
		}
		return inner(t.Elem())
	case reflect.Map:
		return inner(t.Elem())
	case reflect.Struct:
		// An embedded struct's fields count one level deeper than they
		// are on the wire: an overestimate, which only means checking.
		var fields []reflect.Type
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() || f.Anonymous {
				fields = append(fields, f.Type)
			}
		}
		return inner(fields...)
	}
	return 0
}

// check calls the argument's Validate method, if its type has one. An
// *Error keeps its code; any other error is the argument's fault.
func (p *Parameter) check(v any) error {
	if p.validate == nil {
		return nil
	}
	err := p.validate(v)
	if err == nil {
		return nil
	}
	if _, ok := errors.AsType[*Error](err); ok {
		return err
	}
	if fe, ok := errors.AsType[FieldErrors](err); ok {
		return asFieldErrors(fe)
	}
	return Errorf(CodeInvalidArgument, "argument %s: %v", p.Name, err)
}
