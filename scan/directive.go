package scan

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// directive is one comment line that is, or tries to be, //actions:server.
type directive struct {
	pos     token.Pos
	group   *ast.CommentGroup
	options []string // the words after the directive
	problem string   // why the line is not a valid directive, if it is not
}

// The directive as written, and what a comment must start with to be taken
// for an attempt at it.
const (
	directiveText   = "//actions:server"
	directivePrefix = "//actions:"
)

// knownOptions lists the options the directive accepts, none yet. An option
// is a key=value word after the directive.
var knownOptions = map[string]bool{}

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
	rest, ok := strings.CutPrefix(text, directiveText)
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		word, _, _ := strings.Cut(text, " ")
		d.problem = fmt.Sprintf("unknown directive %s: the only one is %s", word, directiveText)
		return d, true
	}
	d.options = strings.Fields(rest)
	for _, o := range d.options {
		key, _, ok := strings.Cut(o, "=")
		switch {
		case !ok || key == "":
			d.problem = fmt.Sprintf("malformed option %q after %s: options are key=value words", o, directiveText)
		case !knownOptions[key] && len(knownOptions) == 0:
			d.problem = fmt.Sprintf("unknown option %q after %s: it takes no options yet", key, directiveText)
		case !knownOptions[key]:
			d.problem = fmt.Sprintf("unknown option %q after %s", key, directiveText)
		}
		if d.problem != "" {
			break
		}
	}
	return d, true
}
