package scan

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
	"time"

	"github.com/actionsgo/actions/internal/tsname"
	"github.com/actionsgo/actions/model"
)

// directive is one comment line that is, or tries to be, //actions:server,
// or one of the directives on a type declaration.
type directive struct {
	pos     token.Pos
	group   *ast.CommentGroup
	options options // what the words after the directive ask for
	problem string  // why the line is not a valid directive, if it is not
	// ofType is enumDirective or tsDirective for a directive on a type
	// declaration, which the type's declaration reads (typeOptions).
	ofType string
}

// options are the words after the directive.
type options struct {
	get   bool          // get: a cacheable read
	cache time.Duration // cache=DURATION, with get
	form  bool          // form: takes HTML forms
	name  string        // name=tsName: the TypeScript export's name
}

// The directive as written, and what a comment must start with to be taken
// for an attempt at it.
const (
	directiveText   = "//actions:server"
	directivePrefix = "//actions:"
)

// optionList names the options the directive takes, for messages.
const optionList = "get, cache=DURATION (with get), form and name=tsName"

// findDirectives returns every line of the file's comments that is the
// directive or a near miss, in source order.
func findDirectives(f *ast.File) []directive {
	var ds []directive
	for _, g := range f.Comments {
		for _, c := range g.List {
			if d, ok := parseDirective(c); ok {
				d.group = g
				ds = append(ds, d)
			}
		}
	}
	return ds
}

// parseDirective reports whether comment c is the directive, an attempt at
// it, or neither. An attempt carries the problem to report.
func parseDirective(c *ast.Comment) (directive, bool) {
	d := directive{pos: c.Pos()}
	text := c.Text
	if !strings.HasPrefix(text, "//") {
		return d, false // a /* */ comment is never a directive
	}
	if !strings.HasPrefix(text, directivePrefix) {
		body := strings.TrimSpace(text[2:])
		if strings.HasPrefix(body, "actions:server") && body != text[2:] {
			rest := strings.TrimPrefix(body, "actions:server")
			if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
				d.problem = fmt.Sprintf("%q is not a directive: write %s, with no space after //", text, directiveText)
				return d, true
			}
		}
		return d, false
	}
	if name, _, problem, ok := parseTypeDirective(text); ok {
		d.ofType, d.problem = name, problem
		return d, true
	}
	rest, ok := strings.CutPrefix(text, directiveText)
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		word, _, _ := strings.Cut(text, " ")
		d.problem = fmt.Sprintf("unknown directive %s: the directives are %s, and %s and %s on a type", word, directiveText, enumDirective, tsDirective)
		return d, true
	}
	d.options, d.problem = parseOptions(strings.Fields(rest))
	return d, true
}

// parseOptions reads the words after the directive, or says what is wrong
// with them.
func parseOptions(words []string) (options, string) {
	var o options
	seen := map[string]bool{}
	cacheSet := false
	for _, w := range words {
		key, value, hasValue := strings.Cut(w, "=")
		if seen[key] {
			return o, fmt.Sprintf("option %s given twice after %s", key, directiveText)
		}
		seen[key] = true
		switch {
		case key == "get" && !hasValue:
			o.get = true
		case key == "cache" && hasValue:
			d, err := time.ParseDuration(value)
			if err != nil || d < time.Second || d%time.Second != 0 {
				return o, fmt.Sprintf("cache=%s: want a whole number of seconds as a Go duration, like cache=30s or cache=5m", value)
			}
			o.cache, cacheSet = d, true
		case key == "name" && hasValue:
			if !tsname.IsIdentifier(value) || tsname.IsReserved(value) {
				return o, fmt.Sprintf("name=%s: want a TypeScript identifier that is not a reserved word", value)
			}
			o.name = value
		case key == "form" && !hasValue:
			o.form = true
		case key == "get" || key == "cache" || key == "name" || key == "form":
			return o, fmt.Sprintf("malformed option %q after %s: write get, cache=DURATION, form or name=tsName", w, directiveText)
		default:
			return o, fmt.Sprintf("unknown option %q after %s: the options are %s", key, directiveText, optionList)
		}
	}
	if cacheSet && !o.get {
		return o, fmt.Sprintf("cache= needs get: only a get action is served by GET, which a cache can keep; write %s get cache=%s", directiveText, o.cache)
	}
	return o, ""
}

// The directives on a type declaration, in its doc comment:
//
//	//actions:enum open     its values are not only its constants
//	//actions:enum closed   its values are its constants (and its zero value)
//	//actions:ts T          its marshal methods write the TypeScript type T
const (
	enumDirective = "//actions:enum"
	tsDirective   = "//actions:ts"
)

// typeDirective is one directive on a type declaration, as written.
type typeDirective struct {
	pos  model.Pos
	name string // enumDirective or tsDirective
	arg  string // the rest of the line, trimmed
}

// typeDirectives returns the directives on a type of the comment group g,
// valid or not, in order.
func typeDirectives(fset *token.FileSet, g *ast.CommentGroup) []typeDirective {
	if g == nil {
		return nil
	}
	var ds []typeDirective
	for _, c := range g.List {
		if name, arg, _, ok := parseTypeDirective(c.Text); ok {
			pp := fset.Position(c.Pos())
			ds = append(ds, typeDirective{pos: model.Pos{File: pp.Filename, Line: pp.Line, Col: pp.Column}, name: name, arg: arg})
		}
	}
	return ds
}

// parseTypeDirective reports whether the comment text is a directive on a
// type, with its argument, or the problem with it.
func parseTypeDirective(text string) (name, arg, problem string, ok bool) {
	for _, name := range []string{enumDirective, tsDirective} {
		rest, found := strings.CutPrefix(text, name)
		if !found || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue
		}
		arg = strings.TrimSpace(rest)
		switch {
		case name == enumDirective && arg != "open" && arg != "closed":
			problem = fmt.Sprintf("%s takes one word, open or closed: write %s open for a type whose values are not only its constants, %s closed for one whose values are", name, name, name)
		case name == tsDirective && arg == "":
			problem = fmt.Sprintf("%s needs the TypeScript type that the type's marshal methods write, such as %s number | string", name, name)
		}
		return name, arg, problem, true
	}
	return "", "", "", false
}

// typeOptions is what the directives on a type declaration say.
type typeOptions struct {
	enum    string // "open" or "closed", or "" when not said
	enumPos model.Pos
	ts      string // the TypeScript type of //actions:ts, or ""
	tsPos   model.Pos
}

// typeOptions reads the directives of a type's declaration, reporting the
// malformed and repeated ones.
func (s *scanner) typeOptions(ds []typeDirective) typeOptions {
	var o typeOptions
	for _, d := range ds {
		_, _, problem, _ := parseTypeDirective(d.name + " " + d.arg)
		if problem != "" {
			s.errorAt(d.pos, "%s", problem)
			continue
		}
		set, pos := &o.enum, &o.enumPos
		if d.name == tsDirective {
			set, pos = &o.ts, &o.tsPos
		}
		if *set != "" {
			s.errorAt(d.pos, "duplicate %s: the type already has one at line %d", d.name, pos.Line)
			continue
		}
		*set, *pos = d.arg, d.pos
	}
	return o
}
