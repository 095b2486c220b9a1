package goemit_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/actionsgo/actions/internal/testkit"

	goemit "github.com/actionsgo/actions/emit/go"
	"github.com/actionsgo/actions/scan"
)

// TestOutside generates the glue of testdata/outside/cluster, a module that
// uses the types of another, compares it with its golden file, and runs
// testdata/outside/serve_test.go beside it in a copy of the two modules: the
// glue compiles with the constants of the other module's closed enum, and
// refuses what it must.
func TestOutside(t *testing.T) {
	root := testkit.RepoRoot(t)
	src := filepath.Join(root, "testdata", "outside")
	prog, diags, err := scan.Load(scan.Config{Dir: filepath.Join(src, "cluster"), TSTypes: testkit.OutsideTSTypes}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Error(d.Format(src))
	}
	if t.Failed() {
		t.FailNow()
	}
	files, err := goemit.Generate(prog)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || filepath.Base(filepath.Dir(files[0].Path)) != "nodes" {
		t.Fatalf("generated %v, want the glue of package nodes only", files)
	}
	glue := files[0].Content
	checkGenerated(t, "nodes/"+goemit.FileName, glue)
	checkGolden(t, filepath.Join("testdata", "outside", goemit.FileName+".golden"), glue)

	if testing.Short() {
		t.Skip("building a module takes a while")
	}
	dir := t.TempDir()
	copyTree(t, src, dir)
	nodes := filepath.Join(dir, "cluster", "nodes")
	test, err := os.ReadFile(filepath.Join("testdata", "outside", "serve_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(nodes, goemit.FileName), glue)
	writeFile(t, filepath.Join(nodes, "serve_test.go"), test)
	mod, err := os.ReadFile(filepath.Join(dir, "cluster", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	mod = append(mod, "\nrequire github.com/actionsgo/actions v0.0.0\n\nreplace github.com/actionsgo/actions => "+root+"\n"...)
	writeFile(t, filepath.Join(dir, "cluster", "go.mod"), mod)
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "cluster", "go.sum"), sum)
	if out, err := goCommand(t, filepath.Join(dir, "cluster"), "test", "./..."); err != nil {
		t.Fatalf("the glue's test failed: %v\n%s", err, out)
	}
}

// copyTree copies the files under src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		writeFile(t, filepath.Join(dst, rel), data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// writeFile writes data to path, making its directory.
func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
