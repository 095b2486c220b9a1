package scan

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tagOptions is what a json struct tag says about a field, read as
// encoding/json/v2 reads it.
type tagOptions struct {
	name      string // the JSON member name: from the tag, else the Go name
	hasName   bool   // the name comes from the tag
	caseRule  string // "ignore" or "strict" from a case: option, or ""
	embed     bool
	omitzero  bool
	omitempty bool
	quoted    bool   // the string option
	format    string // the value of a format: option
}

// parseTag reads the json tag of the struct field goName the way
// encoding/json/v2's parseFieldOptions does. ignored reports a field that
// is not a JSON member at all: json:"-", or an unexported field that is
// not embedded. problem is the first thing v2 finds wrong with the tag, ""
// if none: v2 then refuses the whole struct at run time, so the caller
// reports it. The options are still returned as v2 reads them.
func parseTag(goName string, exported, embedded bool, tag reflect.StructTag) (opts tagOptions, ignored bool, problem string) {
	jtag, hasTag := tag.Lookup("json")
	if jtag == "-" {
		return tagOptions{}, true, ""
	}
	if !exported && !embedded {
		if hasTag {
			problem = fmt.Sprintf("an unexported field cannot have the json tag %q (only json:\"-\")", jtag)
		}
		return tagOptions{}, true, problem
	}
	fail := func(format string, args ...any) {
		if problem == "" {
			problem = fmt.Sprintf(format, args...)
		}
	}

	// The name runs to the first comma; commas, backslashes and quotes are
	// reserved, so a name holding one is malformed.
	opts.name = goName
	if jtag != "" && !strings.HasPrefix(jtag, ",") {
		n := strings.IndexAny(jtag, ",\\'\"`")
		if n < 0 {
			n = len(jtag)
		}
		name := jtag[:n]
		ok := true
		if n < len(jtag) && jtag[n] != ',' {
			var err error
			name, n, err = tagOption(jtag)
			if err != nil {
				fail("malformed json tag: %v", err)
				ok = false
			}
		}
		if !utf8.ValidString(name) {
			fail("the JSON name %q in the json tag is not valid UTF-8", name)
			name = string([]rune(name))
		}
		if ok {
			opts.hasName, opts.name = true, name
		}
		jtag = jtag[n:]
	}

	wasFormat := false
	seen := map[string]bool{}
	cases := map[string]bool{}
	for jtag != "" {
		if jtag[0] != ',' {
			fail("malformed json tag: invalid character %q before the next option (expecting ',')", jtag[0])
		} else {
			jtag = jtag[1:]
			if jtag == "" {
				fail("malformed json tag: a trailing ','")
				break
			}
		}
		opt, n, err := tagOption(jtag)
		if err != nil {
			fail("malformed json tag: %v", err)
		}
		raw := jtag[:n]
		jtag = jtag[n:]
		if wasFormat {
			fail("the `format` option of its json tag is not the last one")
		}
		switch opt {
		case "case":
			if !strings.HasPrefix(jtag, ":") {
				fail("the `case` option of its json tag has no value (`case:ignore` or `case:strict`)")
				break
			}
			jtag = jtag[1:]
			v, n, err := tagOption(jtag)
			if err != nil {
				fail("malformed value of the `case` option in its json tag: %v", err)
				break
			}
			jtag = jtag[n:]
			switch v {
			case "ignore", "strict":
				cases[v] = true
				opts.caseRule = v
			default:
				fail("unknown value `case:%s` in its json tag", v)
			}
		case "embed":
			opts.embed = true
		case "omitzero":
			opts.omitzero = true
		case "omitempty":
			opts.omitempty = true
		case "string":
			opts.quoted = true
		case "format":
			if !strings.HasPrefix(jtag, ":") {
				fail("the `format` option of its json tag has no value")
				break
			}
			jtag = jtag[1:]
			// v2 takes a single-quoted value here, and no other format
			// than it takes a plain one.
			v, n, err := tagOption(jtag)
			if q, ok := quotedFormat(jtag); ok {
				v, n, err = jtag[1:q-1], q, nil
			}
			if err == nil && v == "" {
				err = fmt.Errorf("an empty value")
			}
			if err != nil {
				fail("malformed value of the `format` option in its json tag: %v", err)
				break
			}
			jtag = jtag[n:]
			opts.format = v
			wasFormat = true
		default:
			// Near misses of the known options are refused; any other
			// option is ignored.
			switch norm := strings.ReplaceAll(strings.ToLower(opt), "_", ""); norm {
			case "case", "embed", "omitzero", "omitempty", "string", "format":
				fail("its json tag has `%s`, which encoding/json/v2 refuses (write `%s`)", opt, norm)
			}
		}
		switch {
		case cases["ignore"] && cases["strict"]:
			fail("its json tag has both `case:ignore` and `case:strict`")
		case seen[opt]:
			fail("its json tag has the `%s` option twice", raw)
		}
		seen[opt] = true
	}
	return opts, false, problem
}

// tagOption reads the option at the start of s: a Go identifier, up to the
// next character that cannot be in one. Anything else is malformed: v2
// then skips to the next comma.
func tagOption(s string) (string, int, error) {
	comma := strings.IndexByte(s, ',')
	if comma < 0 {
		comma = len(s)
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case r == '_' || unicode.IsLetter(r):
		n := len(s) - len(strings.TrimLeftFunc(s, func(r rune) bool {
			return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
		}))
		return s[:n], n, nil
	case s == "":
		return "", 0, fmt.Errorf("unexpected end of the tag")
	}
	return s[:comma], comma, fmt.Errorf("invalid character %q at the start of an option (expecting a letter)", r)
}

// quotedFormat reports the length of a single-quoted format value at the
// start of s ('RFC3339'), the one place where v2 accepts a quoted option.
func quotedFormat(s string) (int, bool) {
	if !strings.HasPrefix(s, "'") {
		return 0, false
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '\'':
			return i + 1, true
		}
	}
	return 0, false
}
