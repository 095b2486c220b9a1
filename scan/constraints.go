package scan

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/build/constraint"
	"io"
	"maps"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The glue is a file without build constraints: every build of a package
// compiles it, and it calls each action. So an action must be in a file that
// every build includes, or the builds that leave the file out do not
// compile; and whether it is must not depend on the machine that runs gen,
// or the output would. A file is taken to be in every build when, with the
// tags of the run (-tags, or the go command's GOFLAGS without it) set and
// the release tags of the toolchain, its name has no GOOS or GOARCH suffix
// that is not a tag, its build constraint holds whatever the other tags
// are (GOOS, GOARCH, cgo and any other), and it does not import "C". That
// is decided the same way under every GOOS, GOARCH and CGO_ENABLED.

// builds decides whether files are in every build, given the tags of the
// run. The tags come from GOFLAGS when -tags is not given, which takes the
// go command to tell; it is asked on first use only.
type builds struct {
	cfg  Config
	once sync.Once
	tags []string // set on first use
	err  error
}

// tagSet returns the tags of the run.
func (b *builds) tagSet() ([]string, error) {
	b.once.Do(func() {
		if b.cfg.Tags != nil {
			b.tags = b.cfg.Tags
			return
		}
		b.tags, b.err = goflagsTags(b.cfg)
	})
	return b.tags, b.err
}

// goflagsTags returns the build tags that the go command's GOFLAGS set (in
// the environment or in the go env file): the last -tags in it.
func goflagsTags(cfg Config) ([]string, error) {
	cmd := exec.Command("go", "env", "-json", "GOFLAGS")
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOFLAGS: %v", err)
	}
	var env struct{ GOFLAGS string }
	if err := json.Unmarshal(out, &env); err != nil {
		return nil, fmt.Errorf("go env GOFLAGS: %v", err)
	}
	var tags []string
	for _, f := range strings.Fields(env.GOFLAGS) {
		f = strings.TrimPrefix(f, "-")
		if v, ok := strings.CutPrefix(f, "-tags="); ok {
			tags = SplitTags(v)
		} else if v, ok := strings.CutPrefix(f, "tags="); ok {
			tags = SplitTags(v)
		}
	}
	return tags, nil
}

// SplitTags splits a list of build tags as the go command's -tags flag
// takes it: separated by commas (or, as it used to be, by spaces).
func SplitTags(list string) []string {
	return strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' })
}

// ValidTag reports whether tag can be a build tag: letters, digits, _ and .
func ValidTag(tag string) bool {
	if tag == "" {
		return false
	}
	for _, r := range tag {
		if r != '_' && r != '.' && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// exclusion says why some builds leave out the file called name, whose
// syntax is f: why is "" when every build includes it. hint names the tags
// that would include it in every build, if -tags can.
func (b *builds) exclusion(name string, f *ast.File) (why string, hint []string, err error) {
	for _, imp := range f.Imports {
		if imp.Path.Value == `"C"` {
			return cgoExclusion, nil, nil
		}
	}
	suffix := osArchSuffix(name)
	x, err := fileConstraint(f)
	if err != nil {
		x = nil // the go command reports a malformed line
	}
	if suffix == nil && x == nil {
		return "", nil, nil // the common case: no need for the tags
	}
	tags, err := b.tagSet()
	if err != nil {
		return "", nil, err
	}
	given := map[string]bool{}
	for _, t := range tags {
		given[t] = true
	}
	for _, t := range build.Default.ReleaseTags {
		given[t] = true
	}
	if suffix != nil && !all(suffix, given) {
		return fmt.Sprintf("its name ends in _%s", strings.Join(suffix, "_")), nil, nil
	}
	if x == nil {
		return "", nil, nil
	}
	free := freeTags(x, given)
	if holdsAlways(x, given, free) {
		return "", nil, nil
	}
	return fmt.Sprintf("its build constraint is %s", x), tagsToInclude(x, given, free), nil
}

const cgoExclusion = `it imports "C", which builds with CGO_ENABLED=0 leave out`

// fileConstraint returns the build constraint of f, from its //go:build
// line or else its // +build lines, as go/build reads them; nil if none.
func fileConstraint(f *ast.File) (constraint.Expr, error) {
	var goBuild constraint.Expr
	var plus []constraint.Expr
	for _, g := range f.Comments {
		if g.Pos() >= f.Package {
			break
		}
		for _, c := range g.List {
			switch {
			case constraint.IsGoBuild(c.Text) && goBuild == nil:
				x, err := constraint.Parse(c.Text)
				if err != nil {
					return nil, err
				}
				goBuild = x
			case constraint.IsPlusBuild(c.Text):
				x, err := constraint.Parse(c.Text)
				if err != nil {
					return nil, err
				}
				plus = append(plus, x)
			}
		}
	}
	if goBuild != nil || len(plus) == 0 {
		return goBuild, nil
	}
	x := plus[0]
	for _, y := range plus[1:] {
		x = &constraint.AndExpr{X: x, Y: y}
	}
	return x, nil
}

// freeTags returns the tags of x that are not given, in order of first
// appearance: those whose value depends on the build.
func freeTags(x constraint.Expr, given map[string]bool) []string {
	var tags []string
	var walk func(x constraint.Expr)
	walk = func(x constraint.Expr) {
		switch x := x.(type) {
		case *constraint.TagExpr:
			if !given[x.Tag] && !slices.Contains(tags, x.Tag) {
				tags = append(tags, x.Tag)
			}
		case *constraint.NotExpr:
			walk(x.X)
		case *constraint.AndExpr:
			walk(x.X)
			walk(x.Y)
		case *constraint.OrExpr:
			walk(x.X)
			walk(x.Y)
		}
	}
	walk(x)
	return tags
}

// maxFreeTags bounds the tags whose every combination is tried; a
// constraint with more is taken to leave some builds out.
const maxFreeTags = 12

// holdsAlways reports whether x holds with the given tags set, whatever
// the free tags are.
func holdsAlways(x constraint.Expr, given map[string]bool, free []string) bool {
	if len(free) > maxFreeTags {
		return false
	}
	for set := range 1 << len(free) {
		ok := x.Eval(func(tag string) bool {
			if i := slices.Index(free, tag); i >= 0 {
				return set&(1<<i) != 0
			}
			return given[tag]
		})
		if !ok {
			return false
		}
	}
	return true
}

// tagsToInclude returns the fewest free tags, other than those a build
// sets by itself (GOOS, GOARCH, cgo…), that make x hold whatever the rest
// are, after the tags of the run: the -tags that would include the file in
// every build. It returns nil if no such tags exist.
func tagsToInclude(x constraint.Expr, given map[string]bool, free []string) []string {
	var own []string
	for _, t := range free {
		if !isBuildTag(t) {
			own = append(own, t)
		}
	}
	if len(own) > 8 {
		return nil
	}
	best := -1
	for set := range 1 << len(own) {
		if best >= 0 && bitCount(set) >= bitCount(best) {
			continue
		}
		more := maps.Clone(given)
		var rest []string
		for i, t := range own {
			if set&(1<<i) != 0 {
				more[t] = true
			}
		}
		for _, t := range free {
			if !more[t] {
				rest = append(rest, t)
			}
		}
		if holdsAlways(x, more, rest) {
			best = set
		}
	}
	if best < 0 {
		return nil
	}
	var tags []string
	for i, t := range own {
		if best&(1<<i) != 0 {
			tags = append(tags, t)
		}
	}
	return tags
}

func bitCount(n int) int {
	c := 0
	for ; n != 0; n &= n - 1 {
		c++
	}
	return c
}

func all(tags []string, given map[string]bool) bool {
	for _, t := range tags {
		if !given[t] {
			return false
		}
	}
	return true
}

// isBuildTag reports whether the build sets tag by itself: a GOOS or
// GOARCH, cgo, unix, a compiler, an experiment or a release.
func isBuildTag(tag string) bool {
	switch tag {
	case "cgo", "unix", "gc", "gccgo":
		return true
	}
	if strings.HasPrefix(tag, "goexperiment.") {
		return true
	}
	if v, ok := strings.CutPrefix(tag, "go1."); ok {
		if _, err := strconv.Atoi(v); err == nil {
			return true
		}
	}
	return osArchSuffix("x_"+tag+".go") != nil
}

// osArchSuffix returns the GOOS and GOARCH elements that end the file name
// (cart_windows.go: windows; cart_linux_arm64_test.go: linux, arm64), or
// nil: go/build decides, with the lists of the toolchain gen was built by.
func osArchSuffix(name string) []string {
	if matchName(name, "", "") {
		return nil // no GOOS or GOARCH suffix
	}
	elems := strings.Split(strings.TrimSuffix(strings.TrimSuffix(name, ".go"), "_test"), "_")
	last := elems[len(elems)-1]
	if matchName(name, last, "") || matchName(name, "", last) {
		return []string{last}
	}
	if len(elems) >= 3 {
		return elems[len(elems)-2:]
	}
	return []string{last}
}

// matchName reports whether go/build takes the file called name for
// GOOS goos and GOARCH goarch ("" for none), by its name alone.
func matchName(name, goos, goarch string) bool {
	ctx := build.Context{
		GOOS:     goos,
		GOARCH:   goarch,
		Compiler: "gc",
		JoinPath: func(elem ...string) string { return strings.Join(elem, "/") },
		OpenFile: func(string) (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader("package p\n")), nil
		},
	}
	if ctx.GOOS == "" {
		ctx.GOOS = "none"
	}
	if ctx.GOARCH == "" {
		ctx.GOARCH = "none"
	}
	ok, err := ctx.MatchFile(".", name)
	return err == nil && ok
}
