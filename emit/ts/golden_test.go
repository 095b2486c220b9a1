package tsemit

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/actionsgo/actions/emit"
	"github.com/actionsgo/actions/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenCase is one program whose generated modules are kept in
// testdata/golden/<name>.txtar.
type goldenCase struct {
	name string
	prog func(t *testing.T) *model.Program
	opts Options
}

// goldenCases lists the programs of the golden tests; the type-check test
// compiles the output of each.
func goldenCases() []goldenCase {
	return append([]goldenCase{
		{"shop", func(*testing.T) *model.Program { return shopProgram() }, Options{}},
		{"globals", func(*testing.T) *model.Program { return globalsProgram() }, Options{}},
		{"live", func(*testing.T) *model.Program { return liveProgram() }, Options{}},
	}, scannedCases()...)
}

// generate runs Generate on the case's program with the output directory
// "out" and returns the files by their name in it.
func generate(t *testing.T, c goldenCase) map[string][]byte {
	t.Helper()
	files, err := GenerateWith(c.prog(t), "out", c.opts)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		rel, err := filepath.Rel("out", f.Path)
		if err != nil || strings.Contains(rel, "..") {
			t.Fatalf("Generate wrote %s, outside its directory", f.Path)
		}
		if _, dup := out[rel]; dup {
			t.Fatalf("Generate wrote %s twice", rel)
		}
		out[rel] = f.Content
	}
	return out
}

// TestGolden compares the generated modules with the golden files; runtime.ts,
// the same in every case, is checked by TestRuntimeFile.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			files := generate(t, c)
			delete(files, RuntimeModule)
			got := txtar.Format(archive(files))
			path := filepath.Join("testdata", "golden", c.name+".txtar")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s differs (-want +got), run go test -update if the change is right:\n%s", path, diff)
			}
		})
	}
}

// archive puts files in a txtar archive, sorted by name.
func archive(files map[string][]byte) *txtar.Archive {
	a := &txtar.Archive{}
	for _, name := range sortedKeys(files) {
		a.Files = append(a.Files, txtar.File{Name: name, Data: files[name]})
	}
	return a
}

func sortedKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestRuntimeFile checks that runtime.ts is the embedded source under the
// generated header, and that every module starts with that header.
func TestRuntimeFile(t *testing.T) {
	files := generate(t, goldenCases()[0])
	src, err := os.ReadFile(RuntimeModule)
	if err != nil {
		t.Fatal(err)
	}
	want := emit.Header + "\n\n" + string(src)
	if diff := cmp.Diff(want, string(files[RuntimeModule])); diff != "" {
		t.Errorf("runtime.ts (-want +got):\n%s", diff)
	}
	for name, content := range files {
		if !bytes.HasPrefix(content, []byte(emit.Header+"\n")) {
			t.Errorf("%s does not start with the generated header", name)
		}
	}
}

// TestDeterministic generates each case twice and expects the same bytes.
func TestDeterministic(t *testing.T) {
	for _, c := range goldenCases() {
		a, b := generate(t, c), generate(t, c)
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("%s: two runs differ (-first +second):\n%s", c.name, diff)
		}
	}
}
