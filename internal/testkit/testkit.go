// Package testkit holds what the project's tests share: finding the
// repository, comparing output with golden files, and locating the Node
// tools that make test installs.
package testkit

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// RepoRoot returns the directory holding the repository's go.mod, found by
// walking up from the test's working directory.
func RepoRoot(t testing.TB) string {
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
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// Golden compares got with the file at path, or rewrites the file when
// update is set (each package's -update flag). A difference is reported as
// a cmp.Diff, (-want +got).
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s is stale (-want +got); go test -update rewrites it if the change is right:\n%s", path, diff)
	}
}

// NodeTool returns the path of a tool that npm ci installs into
// node_modules/.bin at the repository root, such as "tsc" or "esbuild". A
// missing tool fails the test: make test installs it, so a skip would only
// hide a broken setup.
func NodeTool(t testing.TB, name string) string {
	t.Helper()
	path := filepath.Join(RepoRoot(t), "node_modules", ".bin", name)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%s is not installed (%v): run make test, or npm ci at the repository root", name, err)
	}
	return path
}

// OutsideTSTypes are the TypeScript types that the tests give the types of
// testdata/outside/kube that marshal themselves, as gen's -ts-type flag
// would (scan.Config.TSTypes).
var OutsideTSTypes = map[string]string{
	"example.com/kube/intstr.IntOrString": "number | string",
	"example.com/kube/resource.Quantity":  "string",
}

// Run runs a command in dir and returns its standard output; it fails the
// test with the command's output if it fails, or if it runs longer than
// toolTimeout: a tool that hangs fails its test with what it wrote, not the
// whole run at go test's timeout.
func Run(t testing.TB, dir string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), toolTimeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", filepath.Base(name), strings.Join(args, " "), err, stdout.Bytes(), stderr.Bytes())
	}
	return stdout.String()
}

// toolTimeout bounds each command Run runs; the slowest, tsc over a
// corpus under the race detector's load, takes seconds.
const toolTimeout = 2 * time.Minute

// WriteFile writes content to the file name of dir, making dir if need be.
func WriteFile(t testing.TB, dir, name string, content []byte) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
		t.Fatal(err)
	}
}

// ReadFile returns the content of the file at path.
func ReadFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
