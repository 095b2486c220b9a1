package actions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"
)

// This file holds the strict pre-pass over a request body. encoding/json v1
// accepts duplicate object keys (the last wins), invalid UTF-8 (replaced by
// U+FFFD) and, through a Decoder, trailing data; it also recurses as deep as
// the input asks. One pass here rejects all of these before any argument is
// decoded, and records where each argument starts and ends, so that
// Args.Decode hands encoding/json one well-formed value at a time.

// span is the position of one argument in the body: body[start:end].
type span struct{ start, end int }

// syntaxError is a body the pre-pass refuses. arg is the index of the
// argument it is in, or -1 when it is outside any argument.
type syntaxError struct {
	arg    int
	offset int
	msg    string
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at byte %d: %s", e.offset, e.msg)
}

// checker walks one body. Values nest by recursion, bounded by maxDepth.
//
// Given the schema each argument was last decoded with (learned), it also
// checks that argument's object keys as checkKeys would, so that Decode
// need not walk the argument again when it decodes the same type: keys
// records, for each of the first keyArgs arguments, the schema whose keys
// are all exact, or nil when one is not (checkKeys then finds it again, to
// say where) or there was no schema to check with.
type checker struct {
	data     []byte
	pos      int
	maxDepth int
	arg      int // index of the argument being checked, -1 outside

	learned []atomic.Pointer[schema]
	keys    [keyArgs]*schema
	keyBad  bool // a key of the current argument matches no field
}

// keyArgs is how many arguments the pre-pass checks the keys of, enough
// for most calls; Decode walks those of any others.
const keyArgs = 4

// splitArgs checks body strictly and appends the span of each top-level
// array element to spans, up to maxArgs of them (so that a body of many
// tiny elements costs no memory), and returns the number of elements. An
// empty or all-space body is zero arguments.
func splitArgs(body []byte, maxDepth, maxArgs int, spans []span) ([]span, int, *syntaxError) {
	c := checker{data: body, maxDepth: maxDepth, arg: -1}
	return c.split(maxArgs, spans)
}

// split is splitArgs on c.data, which also checks the keys of the
// arguments that have a learned schema.
func (c *checker) split(maxArgs int, spans []span) ([]span, int, *syntaxError) {
	body := c.data
	n := 0
	c.skipSpace()
	if c.pos == len(body) {
		return spans, n, nil
	}
	if body[c.pos] != '[' {
		return spans, n, c.fail("the body must be a JSON array of the arguments")
	}
	c.pos++
	c.skipSpace()
	if c.peek() == ']' {
		c.pos++
	} else {
		for {
			c.arg = n
			start := c.pos
			var s *schema
			if n < len(c.learned) && n < keyArgs {
				s = c.learned[n].Load()
			}
			c.keyBad = false
			if err := c.value(0, s); err != nil {
				return spans, n, err
			}
			if n < maxArgs {
				spans = append(spans, span{start, c.pos})
				if s != nil && !c.keyBad {
					c.keys[n] = s
				}
			}
			n++
			c.arg = -1
			c.skipSpace()
			b := c.peek()
			c.pos++
			if b == ']' {
				break
			}
			if b != ',' {
				c.pos--
				return spans, n, c.fail("expected , or ] after an argument")
			}
			c.skipSpace()
		}
	}
	c.skipSpace()
	if c.pos != len(body) {
		return spans, n, c.fail("unexpected data after the array of arguments")
	}
	return spans, n, nil
}

func (c *checker) fail(format string, args ...any) *syntaxError {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	return &syntaxError{arg: c.arg, offset: c.pos, msg: msg}
}

// peek returns the current byte, or 0 at the end.
func (c *checker) peek() byte {
	if c.pos < len(c.data) {
		return c.data[c.pos]
	}
	return 0
}

func (c *checker) skipSpace() {
	for c.pos < len(c.data) {
		switch c.data[c.pos] {
		case ' ', '\t', '\n', '\r':
			c.pos++
		default:
			return
		}
	}
}

// value checks one JSON value at depth containers deep, and its keys along
// s, which may be nil.
func (c *checker) value(depth int, s *schema) *syntaxError {
	switch b := c.peek(); {
	case b == '{':
		return c.object(depth+1, s)
	case b == '[':
		return c.array(depth+1, s)
	case b == '"':
		_, err := c.str()
		return err
	case b == '-' || '0' <= b && b <= '9':
		return c.number()
	case b == 't':
		return c.literal("true")
	case b == 'f':
		return c.literal("false")
	case b == 'n':
		return c.literal("null")
	case c.pos == len(c.data):
		return c.fail("unexpected end of input")
	default:
		return c.fail("unexpected character %s", quoteByte(b))
	}
}

func (c *checker) literal(word string) *syntaxError {
	if !bytes.HasPrefix(c.data[c.pos:], []byte(word)) {
		return c.fail("invalid literal, expected %s", word)
	}
	c.pos += len(word)
	return nil
}

func (c *checker) array(depth int, s *schema) *syntaxError {
	if depth > c.maxDepth {
		return c.fail("nested deeper than %d", c.maxDepth)
	}
	var elem *schema
	if s != nil && s.kind == schemaList {
		elem = s.elem
	}
	c.pos++ // [
	c.skipSpace()
	if c.peek() == ']' {
		c.pos++
		return nil
	}
	for {
		if err := c.value(depth, elem); err != nil {
			return err
		}
		c.skipSpace()
		switch c.peek() {
		case ',':
			c.pos++
			c.skipSpace()
		case ']':
			c.pos++
			return nil
		default:
			return c.fail("expected , or ] in an array")
		}
	}
}

// key is an object key as it appears in the body, quotes excluded.
type key struct {
	raw     []byte
	escaped bool // raw holds a backslash escape, compare decoded
}

func (c *checker) object(depth int, s *schema) *syntaxError {
	if depth > c.maxDepth {
		return c.fail("nested deeper than %d", c.maxDepth)
	}
	if s != nil && s.kind == schemaList {
		s = nil // encoding/json will refuse the object for a list
	}
	c.pos++ // {
	c.skipSpace()
	if c.peek() == '}' {
		c.pos++
		return nil
	}
	// Most objects are small: their keys are compared pairwise from an
	// array on the stack; a large one switches to a set.
	var small [16]key
	keys := small[:0]
	var set map[string]struct{}
	for {
		if c.peek() != '"' {
			return c.fail("expected a string key in an object")
		}
		at := c.pos
		k, err := c.str()
		if err != nil {
			return err
		}
		if set == nil && len(keys) == len(small) {
			set = make(map[string]struct{}, 2*len(small))
			for _, old := range keys {
				set[old.decoded()] = struct{}{}
			}
		}
		if set != nil {
			name := k.decoded()
			if _, dup := set[name]; dup {
				c.pos = at
				return c.fail("duplicate key %q", name)
			}
			set[name] = struct{}{}
		} else {
			for _, old := range keys {
				if old.equal(k) {
					c.pos = at
					return c.fail("duplicate key %q", k.decoded())
				}
			}
			keys = append(keys, k)
		}
		var sub *schema
		if s != nil && !c.keyBad {
			switch s.kind {
			case schemaDict:
				sub = s.elem
			case schemaObject:
				var ok bool
				if k.escaped {
					sub, ok = s.fields[unescape(k.raw)]
				} else {
					sub, ok = s.fields[string(k.raw)]
				}
				c.keyBad = !ok
			}
		}
		c.skipSpace()
		if c.peek() != ':' {
			return c.fail("expected : after an object key")
		}
		c.pos++
		c.skipSpace()
		if err := c.value(depth, sub); err != nil {
			return err
		}
		c.skipSpace()
		switch c.peek() {
		case ',':
			c.pos++
			c.skipSpace()
		case '}':
			c.pos++
			return nil
		default:
			return c.fail("expected , or } in an object")
		}
	}
}

func (k key) equal(o key) bool {
	if !k.escaped && !o.escaped {
		return bytes.Equal(k.raw, o.raw)
	}
	return k.decoded() == o.decoded()
}

// decoded returns the key's text with escapes resolved. The key was checked,
// so unquoting cannot fail.
func (k key) decoded() string {
	if !k.escaped {
		return string(k.raw)
	}
	return unescape(k.raw)
}

// str checks a string: escapes, no raw control characters, valid UTF-8 and
// no unpaired surrogate escapes (which encoding/json would turn into U+FFFD
// without a word). It returns the string's contents without the quotes.
func (c *checker) str() (key, *syntaxError) {
	c.pos++ // "
	start := c.pos
	escaped := false
	for {
		if c.pos >= len(c.data) {
			return key{}, c.fail("unterminated string")
		}
		b := c.data[c.pos]
		switch {
		case b == '"':
			k := key{raw: c.data[start:c.pos], escaped: escaped}
			c.pos++
			return k, nil
		case b == '\\':
			escaped = true
			if err := c.escape(); err != nil {
				return key{}, err
			}
		case b < 0x20:
			return key{}, c.fail("control character %s in a string", quoteByte(b))
		case b < utf8.RuneSelf:
			c.pos++
		default:
			r, size := utf8.DecodeRune(c.data[c.pos:])
			if r == utf8.RuneError && size == 1 {
				return key{}, c.fail("invalid UTF-8 in a string")
			}
			c.pos += size
		}
	}
}

// escape checks one backslash escape at c.pos.
func (c *checker) escape() *syntaxError {
	c.pos++ // \
	switch c.peek() {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		c.pos++
		return nil
	case 'u':
		r, err := c.hex4()
		if err != nil {
			return err
		}
		if utf16.IsSurrogate(r) {
			// Only a high surrogate followed by \u and a low one makes a
			// character.
			if r >= 0xDC00 || !bytes.HasPrefix(c.data[c.pos:], []byte(`\u`)) {
				return c.fail("unpaired surrogate escape in a string")
			}
			c.pos++
			r2, err := c.hex4()
			if err != nil {
				return err
			}
			if utf16.DecodeRune(r, r2) == utf8.RuneError {
				return c.fail("unpaired surrogate escape in a string")
			}
		}
		return nil
	default:
		return c.fail("invalid escape in a string")
	}
}

// hex4 reads the u and four hex digits of a \u escape at c.pos.
func (c *checker) hex4() (rune, *syntaxError) {
	c.pos++ // u
	if c.pos+4 > len(c.data) {
		return 0, c.fail("invalid \\u escape in a string")
	}
	var r rune
	for _, b := range c.data[c.pos : c.pos+4] {
		switch {
		case '0' <= b && b <= '9':
			r = r<<4 | rune(b-'0')
		case 'a' <= b && b <= 'f':
			r = r<<4 | rune(b-'a'+10)
		case 'A' <= b && b <= 'F':
			r = r<<4 | rune(b-'A'+10)
		default:
			return 0, c.fail("invalid \\u escape in a string")
		}
	}
	c.pos += 4
	return r, nil
}

// number checks -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (c *checker) number() *syntaxError {
	if c.peek() == '-' {
		c.pos++
	}
	switch b := c.peek(); {
	case b == '0':
		c.pos++
	case '1' <= b && b <= '9':
		c.digits()
	default:
		return c.fail("invalid number")
	}
	if c.peek() == '.' {
		c.pos++
		if c.digits() == 0 {
			return c.fail("invalid number: no digit after the decimal point")
		}
	}
	if b := c.peek(); b == 'e' || b == 'E' {
		c.pos++
		if b := c.peek(); b == '+' || b == '-' {
			c.pos++
		}
		if c.digits() == 0 {
			return c.fail("invalid number: no digit in the exponent")
		}
	}
	return nil
}

func (c *checker) digits() int {
	n := 0
	for c.pos < len(c.data) && '0' <= c.data[c.pos] && c.data[c.pos] <= '9' {
		c.pos++
		n++
	}
	return n
}

// unescape decodes the contents of a checked JSON string, as encoding/json
// does (the check left nothing it would replace).
func unescape(raw []byte) string {
	quoted := make([]byte, 0, len(raw)+2)
	quoted = append(append(append(quoted, '"'), raw...), '"')
	var s string
	json.Unmarshal(quoted, &s)
	return s
}

// quoteByte shows a byte in a message: 'x' when printable, else its code.
func quoteByte(b byte) string {
	if b >= 0x20 && b < 0x7f {
		return strconv.QuoteRune(rune(b))
	}
	return fmt.Sprintf("0x%02x", b)
}
