package goemit_test

import (
	"bytes"
	"flag"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/actionsgo/actions/internal/testkit"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions/emit"
	goemit "github.com/actionsgo/actions/emit/go"
	"github.com/actionsgo/actions/scan"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// corpus lists the packages whose committed actions_gen.go is a golden file,
// relative to the repository root. They are loaded in one run, as the
// command would load them.
var corpus = []string{
	"testdata/shapes",
	"testdata/types",
	"emit/go/testdata/glue",
	"emit/ts/testdata/wide",
}

// TestGoldenCorpus generates the glue of the corpus packages and compares it
// with the committed actions_gen.go next to each package's sources; -update
// rewrites them. The serving tests import these packages, so the committed
// files are also proven to compile and work.
func TestGoldenCorpus(t *testing.T) {
	root := testkit.RepoRoot(t)
	patterns := make([]string, len(corpus))
	for i, dir := range corpus {
		patterns[i] = "./" + dir
	}
	prog, diags, err := scan.Load(scan.Config{Dir: root}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Error(d.Format(root))
	}
	if len(diags) > 0 {
		t.FailNow()
	}
	files, err := goemit.Generate(prog)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, f := range files {
		rel, err := filepath.Rel(root, f.Path)
		if err != nil {
			t.Fatal(err)
		}
		got[filepath.ToSlash(rel)] = f.Content
	}
	// Every corpus package has actions, so each gets exactly one file.
	if len(got) != len(corpus) {
		t.Errorf("generated %d files, want one per corpus package (%d): %v", len(got), len(corpus), keys(got))
	}
	for _, dir := range corpus {
		name := dir + "/" + goemit.FileName
		content, ok := got[name]
		if !ok {
			t.Errorf("no %s generated", name)
			continue
		}
		checkGenerated(t, name, content)
		checkGolden(t, filepath.Join(root, name), content)
	}
}

// checkGenerated checks what every generated file must be: marked as
// generated in the way Go tools recognize, and gofmt-clean.
func checkGenerated(t *testing.T, name string, content []byte) {
	t.Helper()
	if !bytes.HasPrefix(content, []byte(emit.Header+"\n")) {
		t.Errorf("%s: first line is not the header %q", name, emit.Header)
	}
	f, err := parser.ParseFile(token.NewFileSet(), name, content, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("%s does not parse: %v", name, err)
	}
	if !ast.IsGenerated(f) {
		t.Errorf("%s: ast.IsGenerated is false", name)
	}
	formatted, err := format.Source(content)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if diff := cmp.Diff(string(formatted), string(content)); diff != "" {
		t.Errorf("%s is not gofmt-clean (-gofmt +generated):\n%s", name, diff)
	}
}

// checkGolden compares got with the file at path, or rewrites it under
// -update.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	testkit.Golden(t, path, got, *update)
}

func keys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// BenchmarkGenerateCorpus measures the glue of the corpus packages, loaded
// once.
func BenchmarkGenerateCorpus(b *testing.B) {
	root := testkit.RepoRoot(b)
	var patterns []string
	for _, dir := range corpus {
		patterns = append(patterns, "./"+dir)
	}
	prog, diags, err := scan.Load(scan.Config{Dir: root}, patterns...)
	if err != nil || len(diags) > 0 {
		b.Fatal(err, diags)
	}
	for b.Loop() {
		if _, err := goemit.Generate(prog); err != nil {
			b.Fatal(err)
		}
	}
}
