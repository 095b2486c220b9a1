package actions

import (
	"bytes"
	"encoding/json/jsontext"
	"encoding/json/v2"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// decodeArgs decodes body, the JSON array of a call's arguments, into one new
// value per parameter, in one pass of d over body, which is in buf. It
// returns the pointers to the values in args (whose backing array it reuses)
// or the error to send: mostly an *Error with CodeInvalidArgument that
// names the argument at fault.
// Every rule of the codec is the codec's own (decodeOptions); depth is
// checked with d's own stack depth, and only for arguments whose type does
// not bound it.
//
// int64s is set for a call that asks for 64-bit integers as strings
// (Int64Header): the arguments may hold them so too. extra, when not nil,
// decodes what the call adds to every parameter's own (the files of a
// multipart call): the codec takes one set of unmarshalers, so they are
// joined.
func decodeArgs(d *jsontext.Decoder, buf *bytes.Buffer, params []Parameter, maxDepth int, args []any, int64s bool, extra *json.Unmarshalers) ([]any, error) {
	body := buf.Bytes()
	if len(params) == 0 && string(body) == "[]" {
		return args[:0], nil // the usual call without arguments, without a decoder
	}
	if len(bytes.TrimLeft(body, " \t\r\n")) == 0 {
		if len(params) > 0 {
			return nil, Errorf(CodeInvalidArgument, "want %s, got 0", countArgs(params))
		}
		return args[:0], nil
	}
	d.Reset(buf) // parsed in place: a bytes.Buffer is not copied
	if d.PeekKind() != '[' {
		if _, err := d.ReadToken(); err != nil {
			return nil, syntaxError(err)
		}
		return nil, Errorf(CodeInvalidArgument, "the body must be a JSON array of the arguments")
	}
	d.ReadToken()
	args = args[:0]
	for i := range params {
		p := &params[i]
		switch d.PeekKind() {
		case ']':
			return nil, Errorf(CodeInvalidArgument, "want %s, got %d", countArgs(params), i)
		case 'n':
			if !p.nullable {
				return nil, Errorf(CodeInvalidArgument, "argument %s: want %s, got null", p.Name, jsonKind(p.typ))
			}
		case 0:
			_, err := d.ReadToken()
			return nil, syntaxError(err)
		}
		v := p.newValue()
		opts := p.options
		if int64s || extra != nil {
			us := []*json.Unmarshalers{p.unmarshal}
			if int64s {
				us = append(us, int64Unmarshaler, durationUnmarshaler)
			}
			us = append(us, extra)
			opts = json.JoinOptions(strict, json.WithUnmarshalers(json.JoinUnmarshalers(us...)))
		}
		var err error
		if p.depth >= 0 && p.depth <= maxDepth {
			err = json.UnmarshalDecode(d, v, opts)
		} else {
			err = decodeBounded(d, body, v, maxDepth, opts)
		}
		if err != nil {
			return nil, argumentError(p, i, err, maxDepth)
		}
		if err := p.check(v); err != nil {
			return nil, err
		}
		args = append(args, v)
	}
	switch d.PeekKind() {
	case ']':
		d.ReadToken()
	case 0:
		_, err := d.ReadToken()
		return nil, syntaxError(err)
	default:
		n := len(params)
		for d.PeekKind() != ']' && d.SkipValue() == nil {
			n++
		}
		return nil, Errorf(CodeInvalidArgument, "want %s, got %d", countArgs(params), n)
	}
	if _, err := d.ReadToken(); err != io.EOF {
		return nil, Errorf(CodeInvalidArgument, "unexpected data after the array of arguments")
	}
	return args, nil
}

// errTooDeep is the cause of an argument nested deeper than the handler's
// Options.MaxDepth.
var errTooDeep = errors.New("too deep")

// decodeBounded decodes the next value of d into v, first reading its tokens
// to check that they nest no deeper than maxDepth. The value is then
// decoded from body, where d read it.
func decodeBounded(d *jsontext.Decoder, body []byte, v any, maxDepth int, opts json.Options) error {
	start, base := d.InputOffset(), d.StackDepth()
	for {
		t, err := d.ReadToken()
		if err != nil {
			return err
		}
		if k := t.Kind(); k == '[' || k == '{' {
			if d.StackDepth()-base > maxDepth {
				return &jsontext.SyntacticError{ByteOffset: d.InputOffset(), JSONPointer: d.StackPointer(), Err: errTooDeep}
			}
		}
		if d.StackDepth() == base {
			break
		}
	}
	// Between the previous value and this one: white space and a comma.
	raw := bytes.TrimLeft(body[start:d.InputOffset()], " \t\r\n,")
	err := json.Unmarshal(raw, v, opts)
	if se, ok := errors.AsType[*json.SemanticError](err); ok {
		// The pointer is relative to the value: make it relative to the
		// array, as for the other arguments.
		se.JSONPointer = d.StackPointer() + se.JSONPointer
	}
	return err
}

// syntaxError words an error of the JSON syntax outside any argument.
func syntaxError(err error) *Error {
	if se, ok := errors.AsType[*jsontext.SyntacticError](err); ok {
		return Errorf(CodeInvalidArgument, "invalid JSON at byte %d: %v", se.ByteOffset, se.Err)
	}
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return Errorf(CodeInvalidArgument, "invalid JSON: the body ends early")
	}
	return Errorf(CodeInvalidArgument, "invalid JSON: %v", err)
}

// argumentError words what the codec said of argument p, the index-th in the
// array, for the client, which knows JSON, not Go: the JSON kind wanted and
// found, and where in the argument. The text of an error from a type's own
// unmarshal method is not sent, as it may say anything (an *Error from it
// is, being meant for the client).
func argumentError(p *Parameter, index int, err error, maxDepth int) error {
	prefix := "/" + strconv.Itoa(index)
	at := func(ptr jsontext.Pointer) string {
		rel, _ := strings.CutPrefix(string(ptr), prefix)
		if rel == "" {
			return ""
		}
		return " at " + rel
	}
	if e, ok := errors.AsType[*Error](err); ok && e != nil {
		return e // from a type's own unmarshal method, meant for the client
	}
	if e, ok := errors.AsType[*enumError](err); ok {
		where := ""
		if se, ok := errors.AsType[*json.SemanticError](err); ok {
			where = at(se.JSONPointer)
		}
		return Errorf(CodeInvalidArgument, "argument %s: want one of %s%s, got %s", p.Name, e.want, where, e.got)
	}
	if se, ok := errors.AsType[*jsontext.SyntacticError](err); ok {
		switch {
		case se.Err == errTooDeep:
			return Errorf(CodeInvalidArgument, "argument %s: nested deeper than %d%s", p.Name, maxDepth, at(se.JSONPointer))
		case errors.Is(se.Err, jsontext.ErrDuplicateName):
			return Errorf(CodeInvalidArgument, "argument %s: duplicate member name%s", p.Name, at(se.JSONPointer))
		}
		return Errorf(CodeInvalidArgument, "argument %s: invalid JSON at byte %d: %v", p.Name, se.ByteOffset, se.Err)
	}
	se, ok := errors.AsType[*json.SemanticError](err)
	if !ok {
		if err == io.ErrUnexpectedEOF || err == io.EOF {
			return Errorf(CodeInvalidArgument, "argument %s: invalid JSON: the body ends early", p.Name)
		}
		return Errorf(CodeInvalidArgument, "argument %s: %v", p.Name, err)
	}
	where := at(se.JSONPointer)
	switch {
	case errors.Is(se.Err, json.ErrUnknownName):
		name := se.JSONPointer.LastToken()
		return Errorf(CodeInvalidArgument, "argument %s: unknown member %q%s (names are case-sensitive)", p.Name, name, at(se.JSONPointer.Parent()))
	case se.GoType != nil && se.Err != nil && se.GoType != timeType && (decodesJSON(se.GoType) || decodesText(se.GoType)):
		return Errorf(CodeInvalidArgument, "argument %s: not a valid value%s", p.Name, where)
	case se.GoType != nil && se.GoType.Kind() == reflect.Struct && se.Err != nil:
		// The codec refuses the struct type itself (a field it cannot
		// represent): the server's fault, not the client's. The generator
		// reports such types; this is glue written by hand, or stale.
		return fmt.Errorf("decoding argument %s: %w", p.Name, err)
	}
	msg := "argument " + p.Name + ": want " + jsonKind(se.GoType) + where
	if got := gotValue(se); got != "" {
		msg += ", got " + got
	}
	if se.Err != nil && se.GoType == timeType {
		msg += " (" + timeProblem(se.Err) + ")"
	}
	return &Error{Code: CodeInvalidArgument, Message: msg}
}

// timeProblem words a time the codec could not parse.
func timeProblem(err error) string {
	if _, ok := errors.AsType[*time.ParseError](err); ok {
		return "an RFC 3339 time"
	}
	return err.Error()
}

// gotValue words what the codec found: "a string", "2.5".
func gotValue(se *json.SemanticError) string {
	if se.JSONKind == '0' && len(se.JSONValue) > 0 && len(se.JSONValue) <= 32 {
		return string(se.JSONValue)
	}
	switch se.JSONKind {
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case '[':
		return "an array"
	case '{':
		return "an object"
	}
	return ""
}

// jsonKind names the JSON a Go type decodes from.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "a value of another type"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == timeType:
		return "an RFC 3339 time string"
	case t == durationType:
		return "an integer number of nanoseconds"
	case decodesText(t):
		return "a string"
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
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return "a base64 string"
		}
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return fmt.Sprintf("a value of type %s", t.Kind())
}
