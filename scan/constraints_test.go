package scan

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/packages"
)

// TestLeftOutAgreesAcrossBuilds loads testdata/src/leftout, whose files
// some builds leave out, for several GOOS, GOARCH and CGO_ENABLED: the
// diagnostics are the same in every one, so gen -check agrees wherever it
// runs.
func TestLeftOutAgreesAcrossBuilds(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	load := func(env ...string) []string {
		_, diags, err := Load(Config{Dir: dir, Env: append(os.Environ(), env...)}, "./leftout")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range diags {
			got = append(got, d.Format(dir))
		}
		return got
	}
	want := load()
	if len(want) == 0 {
		t.Fatal("no diagnostics for ./leftout")
	}
	for _, env := range [][]string{
		{"CGO_ENABLED=0"},
		{"GOOS=windows", "GOARCH=amd64"},
		{"GOOS=darwin", "GOARCH=arm64", "CGO_ENABLED=0"},
		{"GOOS=linux", "GOARCH=amd64", "CGO_ENABLED=0"},
	} {
		if diff := cmp.Diff(want, load(env...)); diff != "" {
			t.Errorf("with %s, diagnostics differ from the host's (-host +%s):\n%s", env, env, diff)
		}
	}
}

// TestTagsInclude gives -tags that include files some builds leave out:
// then their actions are actions like any other.
func TestTagsInclude(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	_, diags, err := Load(Config{Dir: dir, Tags: []string{"integration", "windows"}}, "./leftout")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if file := filepath.Base(d.Pos.File); file == "integration.go" || file == "leftout_windows.go" {
			t.Errorf("with -tags integration,windows: %s", d.Format(dir))
		}
	}
}

func TestOSArchSuffix(t *testing.T) {
	for name, want := range map[string][]string{
		"cart.go":                   nil,
		"windows.go":                nil, // the first element never counts
		"cart_windows.go":           {"windows"},
		"cart_amd64.go":             {"amd64"},
		"cart_linux_arm64.go":       {"linux", "arm64"},
		"cart_linux_arm64_test.go":  {"linux", "arm64"},
		"cart_unix.go":              nil, // unix is a tag, never a suffix
		"cart_linux_test.go":        {"linux"},
		"cart_test.go":              nil,
		"my_windows_helper.go":      nil,
		"cart_wasip1_wasm.go":       {"wasip1", "wasm"},
		"cart_notanos_notanarch.go": nil,
	} {
		if got := osArchSuffix(name); !slices.Equal(got, want) {
			t.Errorf("osArchSuffix(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestExclusion checks the reasons and hints for files one at a time,
// with the tags given.
func TestExclusion(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		tags      []string
		why       string // "" when every build includes the file
		hint      []string
	}{
		{"a.go", "package p", nil, "", nil},
		{"a_windows.go", "package p", nil, "its name ends in _windows", nil},
		{"a_windows.go", "package p", []string{"windows"}, "", nil},
		{"a.go", "//go:build ignore\n\npackage p", nil, "its build constraint is ignore", []string{"ignore"}},
		{"a.go", "//go:build pro\n\npackage p", []string{"pro"}, "", nil},
		{"a.go", "//go:build pro || free\n\npackage p", nil, "its build constraint is pro || free", []string{"pro"}},
		{"a.go", "//go:build pro && linux\n\npackage p", nil, "its build constraint is pro && linux", nil},
		{"a.go", "//go:build !windows\n\npackage p", nil, "its build constraint is !windows", nil},
		{"a.go", "//go:build linux || !linux\n\npackage p", nil, "", nil},
		{"a.go", "//go:build go1.18\n\npackage p", nil, "", nil},
		{"a.go", "//go:build go1.999\n\npackage p", nil, "its build constraint is go1.999", nil},
		{"a.go", "// +build pro\n\npackage p", nil, "its build constraint is pro", []string{"pro"}},
		{"a.go", "//go:build pro\n// +build free\n\npackage p", []string{"pro"}, "", nil},
		{"a.go", "package p\n\nimport \"C\"", nil, cgoExclusion, nil},
		{"a.go", "package p\n\n//go:build ignore", nil, "", nil}, // not a constraint after the package clause
	} {
		f, err := parser.ParseFile(token.NewFileSet(), tc.name, tc.src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		tags := tc.tags
		if tags == nil {
			tags = []string{}
		}
		b := &builds{cfg: Config{Tags: tags}}
		why, hint, err := b.exclusion(tc.name, f)
		if err != nil {
			t.Fatal(err)
		}
		if why != tc.why || !slices.Equal(hint, tc.hint) {
			t.Errorf("%s %q with tags %q: (%q, %q), want (%q, %q)", tc.name, strings.ReplaceAll(tc.src, "\n", `\n`), tc.tags, why, hint, tc.why, tc.hint)
		}
	}
}

func TestPatternDirs(t *testing.T) {
	wd := filepath.FromSlash("/m")
	mods := []*packages.Module{{Path: "example.com/m", Dir: wd}}
	for _, tc := range []struct {
		pattern string
		root    string   // "" when nothing is walked
		match   []string // directories the pattern matches
		miss    []string // and some it does not
	}{
		{"./...", "/m", []string{"/m", "/m/a", "/m/a/b"}, []string{"/n"}},
		{"./a/...", "/m/a", []string{"/m/a", "/m/a/b"}, []string{"/m", "/m/ab"}},
		{"./a...", "/m", []string{"/m/a", "/m/ab", "/m/ab/c"}, []string{"/m/b"}},
		{"example.com/m/a/...", "/m/a", []string{"/m/a", "/m/a/b"}, []string{"/m/b"}},
		{"example.com/other/...", "", nil, nil},
		{"./a", "", nil, nil},
	} {
		root, match := patternDirs(wd, tc.pattern, mods)
		if tc.root == "" {
			if match != nil {
				t.Errorf("patternDirs(%q) walks %s, want nothing", tc.pattern, root)
			}
			continue
		}
		if match == nil || root != filepath.FromSlash(tc.root) {
			t.Errorf("patternDirs(%q) walks %q, want %s", tc.pattern, root, tc.root)
			continue
		}
		for _, d := range tc.match {
			if !match(filepath.FromSlash(d)) {
				t.Errorf("pattern %q does not match %s", tc.pattern, d)
			}
		}
		for _, d := range tc.miss {
			if match(filepath.FromSlash(d)) {
				t.Errorf("pattern %q matches %s", tc.pattern, d)
			}
		}
	}
}
