package tsemit

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/actionsgo/actions/model"
)

// writeDoc writes a Go doc comment as a JSDoc comment, each line starting
// with indent, followed by tags: block tags such as "@see ..." or
// "@param ...", or plain notes, each a paragraph of its own. Nothing is
// written when all are empty.
//
// Go's doc comments are plain text with a few conventions; the ones that
// matter to a reader in an editor are kept: paragraphs stay paragraphs, and
// indented lines (code blocks) are fenced with ``` so that the editor shows
// them as code.
func writeDoc(b *strings.Builder, indent, doc string, tags ...string) {
	lines := docLines(doc)
	for i, tag := range tags {
		if tag == "" {
			continue
		}
		// Block tags follow one another; a note is a paragraph.
		if len(lines) > 0 && (i == 0 || !strings.HasPrefix(tag, "@") || !strings.HasPrefix(tags[i-1], "@")) {
			lines = append(lines, "")
		}
		lines = append(lines, tag)
	}
	if len(lines) == 0 {
		return
	}
	if len(lines) == 1 && !strings.HasPrefix(lines[0], "@") {
		b.WriteString(indent + "/** " + lines[0] + " */\n")
		return
	}
	b.WriteString(indent + "/**\n")
	for _, l := range lines {
		if l == "" {
			b.WriteString(indent + " *\n")
		} else {
			b.WriteString(indent + " * " + l + "\n")
		}
	}
	b.WriteString(indent + " */\n")
}

// wireNote is the package's wireNote for the module's options: with Dates,
// a time is a Date, which says what it is.
func (m *module) wireNote(t *model.Type) string {
	for u := t; u != nil; u = u.Elem {
		if u.Kind == model.KindTime && m.opts.Dates {
			return "A Date: it travels as Go's time.Time writes it, in RFC 3339, and holds milliseconds only."
		}
		if u.Kind != model.KindPointer {
			break
		}
	}
	return wireNote(t)
}

// wireNote returns what a reader needs to know about a value of type t that
// its TypeScript type does not say, or "".
func wireNote(t *model.Type) string {
	for t != nil && t.Kind == model.KindPointer {
		t = t.Elem
	}
	if t == nil {
		return ""
	}
	switch t.Kind {
	case model.KindTime:
		return "A date and time in RFC 3339 format, as Go's time.Time writes it."
	case model.KindDuration:
		return "A duration in nanoseconds (Go's time.Duration)."
	case model.KindBytes:
		return "Bytes in standard base64 with padding."
	case model.KindArray:
		if t.Base64 {
			return fmt.Sprintf("%d bytes in standard base64 with padding.", t.Len)
		}
	}
	return ""
}

// docLines returns the lines of a Go doc comment as JSDoc text, without
// leading or trailing blank lines, with code blocks fenced and "*/" made
// harmless.
func docLines(doc string) []string {
	doc = strings.ReplaceAll(doc, "*/", "*\\/")
	var out []string
	inCode := false
	for _, l := range strings.Split(strings.TrimSpace(doc), "\n") {
		l = strings.TrimRight(l, " \t")
		// gofmt indents code blocks with a tab, and list items with
		// spaces; markdown, which editors render in JSDoc, reads the
		// latter as a list too.
		code := strings.HasPrefix(l, "\t")
		switch {
		case code && !inCode:
			if len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "")
			}
			out = append(out, "```")
			inCode = true
		case !code && inCode && l != "":
			out = closeCode(out)
			inCode = false
		}
		if code {
			l = strings.TrimPrefix(l, "\t")
			l = strings.ReplaceAll(l, "\t", "    ")
		}
		out = append(out, l)
	}
	if inCode {
		out = closeCode(out)
	}
	if len(out) == 1 && out[0] == "" {
		return nil
	}
	return out
}

// closeCode ends a fenced code block, before the blank lines that separate
// it from the next paragraph.
func closeCode(out []string) []string {
	n := len(out)
	for n > 0 && out[n-1] == "" {
		n--
	}
	blanks := len(out) - n
	out = append(out[:n], "```")
	for range blanks {
		out = append(out, "")
	}
	return out
}

// docLink matches a Go doc link to a name of the same package, like [Item].
var docLink = regexp.MustCompile(`\[([\pL_][\pL\pN_]*)\]`)

// links turns the Go doc links of doc that name a type of the module into
// JSDoc links ({@link Item}), outside code blocks; other brackets stay.
func (m *module) links(doc string) string {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "\t") {
			continue
		}
		lines[i] = docLink.ReplaceAllStringFunc(l, func(s string) string {
			name := s[1 : len(s)-1]
			if m.prog.Lookup(m.pkg.Path, name) == nil {
				return s
			}
			return "{@link " + name + "}"
		})
	}
	return strings.Join(lines, "\n")
}
