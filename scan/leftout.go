package scan

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// checkLeftOut reports the directives in the files of p, whose directory is
// dir, that no build of the package compiles with the glue: its test files,
// and the files that this run's build constraints leave out.
func (s *scanner) checkLeftOut(p *packages.Package, dir string) error {
	if err := s.checkTestFiles(dir); err != nil {
		return err
	}
	for _, file := range p.IgnoredFiles {
		if !strings.HasSuffix(file, ".go") || strings.HasSuffix(file, "_test.go") {
			continue // not Go, or a test file, checked above
		}
		if err := s.checkIgnoredFile(file); err != nil {
			return err
		}
	}
	return nil
}

// checkTestFiles reports the directives in the test files of dir.
func (s *scanner) checkTestFiles(dir string) error {
	tests, err := testFiles(dir)
	if err != nil {
		return err
	}
	for _, file := range tests {
		f, err := s.parseMentioning(file)
		if err != nil {
			return err
		}
		if f == nil {
			continue
		}
		for _, d := range findDirectives(f) {
			s.errorf(d.pos, "%s in a test file: the glue is built with the package, which leaves its _test.go files out; move the action to a file without the _test suffix", directiveText)
		}
	}
	return nil
}

// checkIgnoredFile reports the directives in file, a Go file that the
// build leaves out.
func (s *scanner) checkIgnoredFile(file string) error {
	f, err := s.parseMentioning(file)
	if err != nil || f == nil {
		return err
	}
	why, hint := s.exclusion(file, f)
	if why == "" {
		// Every build includes it, by the rule above, and yet the go
		// command left it out: its view of the tags is not ours.
		why = "this build leaves it out"
	}
	s.reportLeftOut(f, why, hint)
	return nil
}

// testFiles returns the _test.go files in dir that the go command reads
// (not those starting with _ or .), sorted; none if dir is "".
func testFiles(dir string) ([]string, error) {
	if dir == "" {
		return nil, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil // the go command reports a missing directory
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && strings.HasSuffix(name, "_test.go") && !strings.HasPrefix(name, "_") && !strings.HasPrefix(name, ".") {
			files = append(files, filepath.Join(dir, name))
		}
	}
	return files, nil
}

// parseMentioning parses file, with its comments, if it contains the text
// of the directive; otherwise it returns nil. A file that does not parse
// gives what the parser made of it.
func (s *scanner) parseMentioning(file string) (*ast.File, error) {
	src, err := readSource(file)
	if err != nil || src == nil {
		return nil, err
	}
	if !bytes.Contains(src, []byte(directiveMark)) {
		return nil, nil
	}
	f, _ := parser.ParseFile(s.fset, file, src, parser.ParseComments|parser.SkipObjectResolution)
	return f, nil
}

// exclusion returns why some builds leave out the file called filename, as
// builds.exclusion does; a failure to tell is a diagnostic.
func (s *scanner) exclusion(filename string, f *ast.File) (why string, hint []string) {
	why, hint, err := s.builds.exclusion(filepath.Base(filename), f)
	if err != nil {
		s.diags = append(s.diags, Diagnostic{Message: err.Error()})
	}
	return why, hint
}

// leftOut reports, and returns true, when some builds leave out f, a file
// of a package loaded from source, and f has directives.
func (s *scanner) leftOut(f *ast.File) bool {
	if len(findDirectives(f)) == 0 {
		return false
	}
	why, hint := s.exclusion(s.fset.Position(f.Package).Filename, f)
	if why == "" {
		return false
	}
	s.reportLeftOut(f, why, hint)
	return true
}

// reportLeftOut reports each directive of f, a file that some builds leave
// out for the reason why; hint lists tags that would include it.
func (s *scanner) reportLeftOut(f *ast.File, why string, hint []string) {
	msg := fmt.Sprintf("%s in a file that some builds leave out (%s): the glue, which every build compiles, would call a missing function; move the action to a file without build constraints", directiveText, why)
	if len(hint) > 0 {
		tags, _ := s.builds.tagSet()
		that := "that tag"
		if len(hint) > 1 {
			that = "those tags"
		}
		msg += fmt.Sprintf(", or run gen -tags %s if every build sets %s", strings.Join(append(slices.Clone(tags), hint...), ","), that)
	}
	for _, d := range findDirectives(f) {
		s.errorf(d.pos, "%s", msg)
	}
}

// checkUnlisted reports the directives in directories that a pattern with
// "..." matches but the go command does not list, because the build leaves
// out every Go file in them (a package of files for windows only, or with
// a //go:build tag not given). listed holds the directories of the listed
// packages; modules, the main modules, for patterns by import path.
func (s *scanner) checkUnlisted(wd string, patterns []string, listed map[string]bool, modules []*packages.Module) error {
	if wd == "" {
		var err error
		if wd, err = os.Getwd(); err != nil {
			return err
		}
	}
	for _, pattern := range patterns {
		root, match := patternDirs(wd, pattern, modules)
		if match == nil {
			continue
		}
		err := filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil // the go command reports what it cannot read
			}
			if dir != root && skippedDir(dir, d.Name()) {
				return filepath.SkipDir
			}
			if listed[dir] || !match(dir) {
				return nil
			}
			return s.checkDir(dir)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// patternDirs returns the directory to walk for a pattern with "...", and
// which directories under it the pattern matches, as the go command matches
// them: "..." stands for any string, and x/... matches x too. It returns a
// nil match for a pattern without "..." or one outside the main modules.
func patternDirs(wd, pattern string, modules []*packages.Module) (root string, match func(dir string) bool) {
	if !strings.Contains(pattern, "...") {
		return "", nil
	}
	var dirPattern string // the pattern as a file path pattern
	switch {
	case filepath.IsAbs(pattern):
		dirPattern = filepath.ToSlash(pattern)
	case pattern == "." || pattern == ".." || strings.HasPrefix(pattern, "./") || strings.HasPrefix(pattern, "../"):
		dirPattern = filepath.ToSlash(filepath.Join(wd, pattern))
		if strings.HasSuffix(pattern, "/...") && !strings.HasSuffix(dirPattern, "/...") {
			dirPattern += "/..."
		}
	default:
		for _, m := range modules {
			if rest, ok := strings.CutPrefix(pattern, m.Path); ok && m.Dir != "" && (rest == "" || rest[0] == '/' || strings.HasPrefix(rest, "...")) {
				dirPattern = filepath.ToSlash(m.Dir) + rest
			}
		}
		if dirPattern == "" {
			return "", nil
		}
	}
	// Walk from the last directory before the first "...".
	prefix, _, _ := strings.Cut(dirPattern, "...")
	root = prefix
	if !strings.HasSuffix(prefix, "/") {
		root = filepath.Dir(filepath.FromSlash(prefix))
	}
	root = filepath.Clean(filepath.FromSlash(root))
	re := regexp.QuoteMeta(dirPattern)
	if strings.HasSuffix(re, `/\.\.\.`) {
		re = strings.TrimSuffix(re, `/\.\.\.`) + `(/.*)?`
	}
	rx := regexp.MustCompile("^" + strings.ReplaceAll(re, `\.\.\.`, `.*`) + "$")
	return root, func(dir string) bool { return rx.MatchString(filepath.ToSlash(dir)) }
}

// skippedDir reports whether a "..." pattern leaves out the directory dir,
// called name, and everything under it: testdata, vendor, names starting
// with . or _, and the root of another module.
func skippedDir(dir, name string) bool {
	if name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
		return true
	}
	_, err := os.Stat(filepath.Join(dir, "go.mod"))
	return err == nil
}

// checkDir reports the directives in the Go files of dir, a directory the
// go command did not list although a pattern matches it.
func (s *scanner) checkDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".go") || strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") || strings.HasSuffix(name, "_test.go") {
			continue // test files are checked with the package's other files
		}
		if err := s.checkIgnoredFile(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return s.checkTestFiles(dir)
}
