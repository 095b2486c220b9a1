// Package scan loads Go packages, finds the functions marked
// //actions:server, checks them, and describes them and every type they
// reach as a model.Program, the way the wire's codec sees them:
// encoding/json/v2 with the runtime's options (actions.JSONOptions).
//
// Problems in the user's code are returned as diagnostics, all at once and
// sorted; Load fails with an error only when the packages cannot be listed
// at all.
//
// The rules, beyond those of the directive and signatures in the design:
//
//   - An unexported function is an action when its own doc comment has the
//     directive: the directive says what is meant, and the glue, in the same
//     package, can call it. The directive above the package clause marks
//     exported functions only, methods excluded.
//   - A type marshals itself when T or *T has v2's methods, in v2's order:
//     MarshalJSONTo, MarshalJSON, AppendText, MarshalText to encode,
//     UnmarshalJSONFrom, UnmarshalJSON, UnmarshalText to decode. v2 calls
//     pointer methods on every value, map values included.
//   - What v2 refuses at run time for a whole struct (a tag it cannot
//     read, the format option, two fields of one name, an embedding it
//     cannot do) or for a field (the string option on anything but a
//     number) is a diagnostic at the field; a struct with fields but none
//     that travel and no json tag, or map keys that cannot be object
//     names, are reported where the action reaches them.
//   - An enum is a defined bool, number or string type with exported
//     constants of that type in its package, in source order.
//   - Type errors are diagnostics in what the actions reach: their
//     signatures, the declarations those name, and so on. Errors inside
//     function bodies, and in declarations no action reaches, are the
//     compiler's to report: the scan does not check them.
//   - Docs come from source. For a type loaded from export data, the file
//     its position names is parsed for them, once.
//   - A standard library type is never declared: it has a kind of its own
//     (time.Time), is a marshaler, or is written inline as its underlying
//     type.
//   - The glue's Go spelling of parameter and result types comes from
//     go/types (Param.GoType), with the names of its imports chosen once
//     per package (Package.GoImports).
package scan

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/actionsgo/actions/emit"
	"github.com/actionsgo/actions/model"
)

// Config says where and how to load packages.
type Config struct {
	Dir string   // working directory of the go command; "" means the current one
	Env []string // environment of the go command; nil means os.Environ()
	// Tags are the build tags to load the packages with, as the go
	// command's -tags flag takes them. nil means none given: the go
	// command's GOFLAGS may set some.
	Tags []string

	// TSTypes gives the TypeScript type of named types that marshal
	// themselves, by "import/path.Name", as the -ts-type flag does (see
	// ParseTSType): for types of other modules, which cannot carry a
	// //actions:ts directive. It wins over the directive.
	TSTypes map[string]string
}

// buildFlags returns the go command's flags for cfg.
func (cfg Config) buildFlags() []string {
	if cfg.Tags == nil {
		return nil
	}
	return []string{"-tags=" + strings.Join(cfg.Tags, ",")}
}

// Diagnostic is a problem in the user's code, at a position.
type Diagnostic struct {
	Pos     model.Pos
	Message string
}

// Format returns "file:line:col: message", with file relative to wd when it
// is inside wd ("" means the current directory).
func (d Diagnostic) Format(wd string) string {
	if d.Pos.File == "" {
		return d.Message
	}
	file := d.Pos.File
	if wd == "" {
		wd, _ = os.Getwd()
	}
	if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = rel
	}
	switch {
	case d.Pos.Line == 0:
		return fmt.Sprintf("%s: %s", file, d.Message)
	case d.Pos.Col == 0:
		return fmt.Sprintf("%s:%d: %s", file, d.Pos.Line, d.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", file, d.Pos.Line, d.Pos.Col, d.Message)
}

// directiveMark is what a file must contain for its package to be scanned
// closely; it also catches misspellings such as "// actions:server".
const directiveMark = "actions:server"

// genFile is the name of the glue the generator writes into each package.
const genFile = "actions_gen.go"

// Load lists the packages matched by patterns, type-checks those that
// mention the directive, as far as their actions reach, and builds the
// Program. If any diagnostic is returned, the Program must not be used.
//
// Loading happens in steps. The first only lists the matched packages and
// reads their files, to find the directive; packages without it are never
// type-checked, so one that does not compile (a main that calls glue not
// written yet) stops nothing. The packages with directives are then parsed,
// with the generator's own output read as a bare package clause, so an
// outdated actions_gen.go cannot break the load it is about to be
// rewritten from, and checked from source without their function bodies;
// the other packages their actions reach come from export data, and those
// they do not reach are not loaded at all (see load.go).
func Load(cfg Config, patterns ...string) (*model.Program, []Diagnostic, error) {
	if cfg.Dir != "" {
		// Positions and build checks compare absolute paths.
		abs, err := filepath.Abs(cfg.Dir)
		if err != nil {
			return nil, nil, err
		}
		cfg.Dir = abs
	}
	listed, err := packages.Load(&packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedModule,
		Dir:        cfg.Dir,
		Env:        cfg.Env,
		BuildFlags: cfg.buildFlags(),
	}, patterns...)
	if err != nil {
		return nil, nil, fmt.Errorf("listing packages: %w", err)
	}
	for _, p := range listed {
		if err := checkInsideModule(p, cfg.Dir); err != nil {
			return nil, nil, err
		}
	}
	s := newScanner()
	s.builds = &builds{cfg: cfg}
	s.tsTypes = cfg.TSTypes
	var marked []*packages.Package // the packages that mention the directive
	for _, p := range listed {
		if p.Module != nil {
			s.modules = append(s.modules, p.Module.Path)
		}
		dir := p.Dir
		if dir == "" && len(p.GoFiles) > 0 {
			dir = filepath.Dir(p.GoFiles[0])
		}
		if dir != "" {
			s.prog.Dirs = append(s.prog.Dirs, dir)
			s.dirs[p.PkgPath] = dir
		}
		if len(p.GoFiles) == 0 && len(p.IgnoredFiles) == 0 {
			// Nothing to scan: a pattern that matched no directory or a
			// package that cannot be found. Say why.
			for _, e := range p.Errors {
				s.addError(e)
			}
			continue
		}
		if err := s.checkLeftOut(p, dir); err != nil {
			return nil, nil, err
		}
		mentions, err := mentionsDirective(p)
		if err != nil {
			return nil, nil, err
		}
		if mentions {
			marked = append(marked, p)
		}
	}
	listedDirs := map[string]bool{}
	var mains []*packages.Module
	for _, p := range listed {
		listedDirs[p.Dir] = true
		if p.Module != nil && p.Module.Main && !slices.ContainsFunc(mains, func(m *packages.Module) bool { return m.Path == p.Module.Path }) {
			mains = append(mains, p.Module)
		}
	}
	if err := s.checkUnlisted(cfg.Dir, patterns, listedDirs, mains); err != nil {
		return nil, nil, err
	}
	slices.Sort(s.prog.Dirs)
	s.prog.Dirs = slices.Compact(s.prog.Dirs)
	slices.Sort(s.modules)
	s.modules = slices.Compact(s.modules)

	if len(marked) > 0 {
		srcs, err := s.loadSources(cfg, marked)
		if err != nil {
			return nil, nil, err
		}
		// Index every source package first: a type reached from one package
		// may be declared, with its docs, in another.
		for _, src := range srcs {
			s.index(src.pkg)
		}
		for _, src := range srcs {
			s.scanPackage(src.pkg, src.marked, src.services)
		}
	}
	s.finish()
	return s.prog, sortDiagnostics(s.diags), nil
}

// checkInsideModule refuses a package whose directory resolves, through a
// symbolic link, to a place outside its module: the go command takes a
// path such as ./link as given, and the glue would be written, or deleted,
// wherever the link points. ./... never follows links; a path argument
// does. wd is the directory paths are given relative to ("" for the
// current one).
func checkInsideModule(p *packages.Package, wd string) error {
	if p.Module == nil || p.Module.Dir == "" || p.Dir == "" {
		return nil
	}
	dir, err := filepath.EvalSymlinks(p.Dir)
	if err != nil {
		return nil // a missing directory is reported as the package's error
	}
	root, err := filepath.EvalSymlinks(p.Module.Dir)
	if err != nil {
		return nil
	}
	if rel, err := filepath.Rel(root, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil
	}
	return fmt.Errorf("%s resolves through a symbolic link to %s, outside module %s: refusing to generate there; name a directory inside the module",
		relativeTo(wd, p.Dir), relativeTo(wd, dir), p.Module.Path)
}

// relativeTo returns path relative to wd ("" for the current directory)
// when that is shorter to read, as the user would write it.
func relativeTo(wd, path string) string {
	if wd == "" {
		wd, _ = os.Getwd()
	}
	if rel, err := filepath.Rel(wd, path); err == nil {
		return rel
	}
	return path
}

// mentionsDirective reports whether any Go file of p, other than the
// generator's own output, contains the directive's text.
func mentionsDirective(p *packages.Package) (bool, error) {
	for _, file := range p.GoFiles {
		src, err := readSource(file)
		if err != nil {
			return false, err
		}
		if filepath.Base(file) == genFile && isGenerated(src) {
			continue
		}
		if bytes.Contains(src, []byte(directiveMark)) {
			return true, nil
		}
	}
	return false, nil
}

// readSource returns the bytes of the source file the go command listed,
// or nil if it is gone since: another run of gen may have deleted it as
// an orphan, or an editor replaced it, and the file is then as absent as
// if it had been before the listing.
func readSource(file string) ([]byte, error) {
	src, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return src, err
}

// parseFile parses a file as go/packages would by default, except
// that the generator's own output is reduced to its header and package
// clause: the glue is about to be rewritten, and may no longer compile.
func parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	if filepath.Base(filename) == genFile && isGenerated(src) {
		f, err := parser.ParseFile(fset, filename, src, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			return nil, err
		}
		f.Imports, f.Decls = nil, nil
		return f, nil
	}
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
}

// isGenerated reports whether src starts with the generator's header line.
func isGenerated(src []byte) bool {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	return string(bytes.TrimSuffix(line, []byte("\r"))) == emit.Header
}

// addError turns an error reported by go/packages into a diagnostic.
// The go command's report that a package failed to compile ("# path"
// followed by the compiler's errors) is left out: the type checker reports
// the same errors with positions.
func (s *scanner) addError(e packages.Error) {
	if e.Kind == packages.ListError && e.Pos == "" && strings.HasPrefix(e.Msg, "# ") {
		return
	}
	pos := parseErrorPos(e.Pos)
	msg := e.Msg
	// The go command names a missing directory by its absolute path
	// ("stat /abs/typo: directory not found"); making it the position lets
	// Format print it relative to the working directory, as the user wrote it.
	if rest, ok := strings.CutPrefix(msg, "stat "); ok && pos.File == "" {
		if dir, why, ok := strings.Cut(rest, ": "); ok && filepath.IsAbs(dir) {
			pos, msg = model.Pos{File: dir}, why
		}
	}
	if pos.File == "" && e.Pos != "" && e.Pos != "-" {
		msg = e.Pos + ": " + msg
	}
	s.diags = append(s.diags, Diagnostic{Pos: pos, Message: msg})
}

// parseErrorPos parses "file:line:col" or "file:line", as go/packages
// writes positions; anything else gives an empty Pos.
func parseErrorPos(s string) model.Pos {
	parts := strings.Split(s, ":")
	var nums []int
	for len(parts) > 1 && len(nums) < 2 {
		n, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		parts = parts[:len(parts)-1]
	}
	if len(nums) == 0 {
		return model.Pos{}
	}
	p := model.Pos{File: strings.Join(parts, ":"), Line: nums[0]}
	if len(nums) == 2 {
		p.Col = nums[1]
	}
	return p
}

// sortDiagnostics sorts by file, line, column, then message, and drops
// exact duplicates (go/packages may report an error once per load step).
func sortDiagnostics(ds []Diagnostic) []Diagnostic {
	slices.SortFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(ds)
}

// position converts a token.Pos of the scanner's file set.
func (s *scanner) position(p token.Pos) model.Pos {
	if !p.IsValid() {
		return model.Pos{}
	}
	pp := s.fset.Position(p)
	if strings.HasPrefix(pp.Filename, "$GOROOT") {
		// Export data of the standard library names files this way; there
		// is nothing there to point a user at.
		return model.Pos{}
	}
	return model.Pos{File: pp.Filename, Line: pp.Line, Col: pp.Column}
}
