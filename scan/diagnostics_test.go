package scan

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// want is one expected diagnostic.
type want struct {
	file string // relative to the module
	line int
	col  int
	re   *regexp.Regexp
}

func (w want) String() string { return fmt.Sprintf("%s:%d:%d: %s", w.file, w.line, w.col, w.re) }

// TestDiagnostics loads the module in testdata/src, and the package
// testdata/refused of this module, whose files say what the scanner must
// report, in the manner of analysistest: a comment
//
//	// want [+N|-N] COL "regexp" [COL "regexp"...]
//
// expects, for each pair, a diagnostic at column COL whose message matches
// regexp, on the comment's line, or N lines below or above it. Directives
// are comments themselves, so their wants sit in the doc comment above
// them, with an offset (gofmt moves directives to the end of a doc comment,
// so the offsets stay put). Every diagnostic must be wanted and every want
// matched, by file, line, column and message.
func TestDiagnostics(t *testing.T) {
	for _, dir := range []string{"src", "refused"} {
		t.Run(dir, func(t *testing.T) {
			checkDiagnostics(t, filepath.Join("testdata", dir))
		})
	}
}

// checkDiagnostics loads the packages under dir and matches their
// diagnostics with the want comments of their files.
func checkDiagnostics(t *testing.T, dir string) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	wants := readWants(t, dir)
	prog, diags, err := Load(Config{Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if prog == nil {
		t.Fatal("Load returned no Program")
	}
	for _, d := range diags {
		got := d.Format(dir)
		i := slices.IndexFunc(wants, func(w want) bool {
			file, _ := filepath.Rel(dir, d.Pos.File)
			return w.file == file && w.line == d.Pos.Line && w.col == d.Pos.Col && w.re.MatchString(d.Message)
		})
		if i < 0 {
			t.Errorf("unexpected diagnostic: %s", got)
			continue
		}
		wants = slices.Delete(wants, i, i+1)
	}
	for _, w := range wants {
		t.Errorf("no diagnostic matched: %s", w)
	}
	if !slices.IsSortedFunc(diags, func(a, b Diagnostic) int { return comparePos(a.Pos, b.Pos) }) {
		t.Errorf("diagnostics are not sorted by position")
	}
}

var wantComment = regexp.MustCompile(`// want (.*)$`)

// readWants collects the want comments of the Go files under dir.
func readWants(t *testing.T, dir string) []want {
	t.Helper()
	var wants []want
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		for i, line := range strings.Split(string(src), "\n") {
			m := wantComment.FindStringSubmatchIndex(line)
			if m == nil {
				continue
			}
			lineNo := i + 1
			text := line[m[2]:m[3]]
			if off, rest, ok := strings.Cut(text, " "); ok && (off[0] == '+' || off[0] == '-') {
				n, err := strconv.Atoi(off)
				if err != nil {
					t.Fatalf("%s:%d: want: line offset %q: %v", rel, i+1, off, err)
				}
				lineNo += n
				text = rest
			}
			ws, err := parseWants(text)
			if err != nil {
				t.Fatalf("%s:%d: %v", rel, i+1, err)
			}
			for _, w := range ws {
				w.file, w.line = rel, lineNo
				wants = append(wants, w)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return wants
}

// parseWants parses `COL "regexp" COL "regexp"…`; a regexp may be written
// with back quotes.
func parseWants(s string) ([]want, error) {
	var ws []want
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		num, rest, ok := strings.Cut(s, " ")
		if !ok {
			return nil, fmt.Errorf("want: %q has no regexp after the column", s)
		}
		col, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("want: column %q: %v", num, err)
		}
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return nil, fmt.Errorf("want: regexp %q: %v", rest, err)
		}
		text, _ := strconv.Unquote(q)
		re, err := regexp.Compile(text)
		if err != nil {
			return nil, err
		}
		ws = append(ws, want{col: col, re: re})
		s = rest[len(q):]
	}
	return ws, nil
}
