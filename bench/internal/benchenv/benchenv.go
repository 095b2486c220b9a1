// Package benchenv finds the repository and builds its tools for the
// benchmark commands.
package benchenv

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// RepoRoot walks up from the working directory to the go.mod of module
// github.com/actionsgo/actions.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if f, err := os.Open(filepath.Join(dir, "go.mod")); err == nil {
			sc := bufio.NewScanner(f)
			sc.Scan()
			f.Close()
			if sc.Text() == "module github.com/actionsgo/actions" {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod of github.com/actionsgo/actions above the working directory")
		}
		dir = parent
	}
}

// GoBuild builds the package pkg of the module in dir into the file out.
func GoBuild(dir, out, pkg string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %v\n%s", pkg, err, msg)
	}
	return nil
}

// GoModFor returns the go.mod of a throwaway module named path that uses
// the actions module at root, and the go.sum it needs (root's).
func GoModFor(path, root string) (goMod, goSum []byte, err error) {
	goSum, err = os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return nil, nil, err
	}
	goMod = fmt.Appendf(nil, "module %s\n\ngo 1.26.0\n\nrequire github.com/actionsgo/actions v0.0.0\n\nreplace github.com/actionsgo/actions => %s\n", path, root)
	return goMod, goSum, nil
}

// WriteFiles writes files, by path relative to dir, creating directories.
func WriteFiles(dir string, files map[string][]byte) error {
	for path, content := range files {
		full := filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}
