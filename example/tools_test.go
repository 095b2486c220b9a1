package example_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// repoRoot returns the directory of the actions repository, which holds
// this module and the Node tools the tests use.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("the example must sit inside the actions repository: %v", err)
	}
	return root
}

// needNode returns the path of node and fails the test, saying what to do,
// unless node and the repository's npm packages are installed.
func needNode(t *testing.T) (node, root string) {
	t.Helper()
	root = repoRoot(t)
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not installed: install Node.js 20 or later")
	}
	for _, pkg := range []string{"typescript", "playwright-core"} {
		if _, err := os.Stat(filepath.Join(root, "node_modules", pkg, "package.json")); err != nil {
			t.Fatalf("%s is missing from node_modules: run make test or npm ci in %s", pkg, root)
		}
	}
	// The frontend's own packages (React and its types), which
	// web/package-lock.json pins.
	for _, pkg := range []string{"react", "react-dom", "@types/react", "@types/react-dom"} {
		if _, err := os.Stat(filepath.Join("web", "node_modules", pkg, "package.json")); err != nil {
			t.Fatalf("%s is missing from web/node_modules: run make test, or npm ci in web", pkg)
		}
	}
	return node, root
}

// TestFrontendTypeChecks runs the TypeScript compiler over the frontend
// and the generated client under the strict settings of web/tsconfig.json:
// esbuild, which bundles it, strips types without checking them. Its type
// tests (web/src/forms.typetest.tsx) check that placeOrderForm is what
// React 19's useActionState takes, by @types/react.
func TestFrontendTypeChecks(t *testing.T) {
	node, root := needNode(t)
	tsc := filepath.Join(root, "node_modules", "typescript", "bin", "tsc")
	out, err := exec.Command(node, tsc, "-p", "web").CombinedOutput()
	if err != nil {
		t.Fatalf("tsc -p web: %v\n%s", err, out)
	}
}
