package scan

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// repoRoot returns the directory holding go.mod, above the test's.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// programJSON prints prog as indented JSON with every path made relative
// to root, so golden files do not depend on where the repository is.
func programJSON(t *testing.T, prog *model.Program, root string) string {
	t.Helper()
	b, err := json.MarshalIndent(prog, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(b), `"`+root+string(filepath.Separator), `"`)
	s = strings.ReplaceAll(s, `"`+root+`"`, `"."`)
	return s + "\n"
}

// checkGolden compares got with the golden file name, or rewrites it
// under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./scan -run %s -update to create it)", err, t.Name())
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// loadClean loads patterns from dir and fails the test on any diagnostic.
func loadClean(t *testing.T, dir string, patterns ...string) *model.Program {
	t.Helper()
	prog, diags, err := Load(Config{Dir: dir}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("unexpected diagnostic: %s", d.Format(dir))
	}
	if t.Failed() {
		t.FailNow()
	}
	return prog
}

// TestGoldenCorpus checks the model of the shared corpus packages.
func TestGoldenCorpus(t *testing.T) {
	root := repoRoot(t)
	for _, name := range []string{"types", "shapes"} {
		t.Run(name, func(t *testing.T) {
			prog := loadClean(t, root, "./testdata/"+name)
			checkGolden(t, name+".json", programJSON(t, prog, root))
		})
	}
}
