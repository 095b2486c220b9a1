package scan

import (
	"encoding/json"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionsgo/actions/internal/testkit"

	"github.com/actionsgo/actions/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

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
	testkit.Golden(t, filepath.Join("testdata", "golden", name), []byte(got), *update)
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
	root := testkit.RepoRoot(t)
	for _, name := range []string{"types", "shapes"} {
		t.Run(name, func(t *testing.T) {
			prog := loadClean(t, root, "./testdata/"+name)
			checkGolden(t, name+".json", programJSON(t, prog, root))
		})
	}
}
