package tsemit

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/actionsgo/actions/internal/testkit"

	"github.com/actionsgo/actions/model"
)

// nodeProject is a directory holding generated TypeScript and a driver
// script that uses it, type-checked with tsc and run with node.
type nodeProject struct {
	dir string
}

// newNodeProject writes the files of prog generated into gen/, and files
// (such as the driver) by their relative path.
func newNodeProject(t *testing.T, prog *model.Program, files map[string][]byte) *nodeProject {
	t.Helper()
	return newNodeProjectWith(t, prog, Options{}, files)
}

// newNodeProjectWith is newNodeProject with the generator's options.
func newNodeProjectWith(t *testing.T, prog *model.Program, opts Options, files map[string][]byte) *nodeProject {
	t.Helper()
	dir := t.TempDir()
	gen, err := GenerateWith(prog, filepath.Join(dir, "gen"), opts)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	for _, f := range gen {
		if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f.Path, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files["package.json"] = []byte(`{"type": "module"}` + "\n")
	writeFiles(t, dir, files)
	copyDir(t, filepath.Join("testdata", "tsc"), dir, func(string) bool { return true })
	linkNodeModules(t, dir)
	return &nodeProject{dir: dir}
}

// linkNodeModules makes the packages npm ci installs at the repository's
// root (TanStack Query, React's types) importable from a project in dir,
// for tsc and esbuild alike. Generated code imports none of them; tests
// and type tests do.
func linkNodeModules(t *testing.T, dir string) {
	t.Helper()
	if err := os.Symlink(filepath.Join(testkit.RepoRoot(t), "node_modules"), filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
}

// run type-checks the project (generated code and driver alike), bundles
// the entry point with esbuild and runs it with node, returning its
// standard output.
func (p *nodeProject) run(t *testing.T, entry string) string {
	t.Helper()
	// The drivers live at the top of the project: include them.
	writeFiles(t, p.dir, map[string][]byte{"driver.json": []byte(`{
  "extends": "./nodenext.json",
  "include": ["gen/**/*.ts", "*.ts"],
  "exclude": ["minimal-env.d.ts"]
}
`)})
	testkit.Run(t, p.dir, testkit.NodeTool(t, "tsc"), "-p", "driver.json", "--pretty", "false")
	out := filepath.Join(p.dir, "out.mjs")
	testkit.Run(t, p.dir, testkit.NodeTool(t, "esbuild"), "--bundle", "--format=esm", "--platform=node", "--log-level=warning", "--outfile="+out, entry)
	return testkit.Run(t, p.dir, nodeBinary(t), out)
}
