package writer

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/actionsgo/actions/emit"
	"github.com/google/go-cmp/cmp"
)

// gen returns generated content: the header, then body.
func gen(body string) []byte {
	return []byte(emit.Header + "\n\n" + body)
}

// past is a modification time no write made by a test can have.
var past = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

// put writes content to dir/name, with its modification time set to past.
func put(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, past, past); err != nil {
		t.Fatal(err)
	}
	return path
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ops summarises changes as "op path" lines, paths relative to dir.
func ops(t *testing.T, dir string, changes []Change) []string {
	t.Helper()
	var got []string
	for _, c := range changes {
		rel, err := filepath.Rel(dir, c.Path)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, c.Op.String()+" "+filepath.ToSlash(rel))
	}
	return got
}

// dirNames lists the names in dir, temporary files included.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func plan(t *testing.T, files []emit.File, orphans []string) []Change {
	t.Helper()
	changes, err := Plan(files, orphans)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	return changes
}

func apply(t *testing.T, changes []Change) {
	t.Helper()
	if err := Apply(changes); err != nil {
		t.Fatalf("Apply: %v", err)
	}
}

func TestFirstRunCreatesEverythingThenNothingChanges(t *testing.T) {
	dir := t.TempDir()
	files := []emit.File{
		{Path: filepath.Join(dir, "web", "gen", "runtime.ts"), Content: gen("export {};\n")},
		{Path: filepath.Join(dir, "cart", "actions_gen.go"), Content: gen("package cart\n")},
	}
	changes := plan(t, files, nil)
	want := []string{"create cart/actions_gen.go", "create web/gen/runtime.ts"}
	if diff := cmp.Diff(want, ops(t, dir, changes)); diff != "" {
		t.Fatalf("changes (-want +got):\n%s", diff)
	}
	apply(t, changes)
	for _, f := range files {
		if got := read(t, f.Path); got != string(f.Content) {
			t.Errorf("%s = %q, want %q", f.Path, got, f.Content)
		}
		info, err := os.Stat(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm != 0o644 {
			t.Errorf("%s has permissions %v, want 0644", f.Path, perm)
		}
	}
	if again := plan(t, files, nil); len(again) != 0 {
		t.Errorf("second Plan = %v, want no changes", ops(t, dir, again))
	}
}

func TestOnlyChangedFilesAreWritten(t *testing.T) {
	dir := t.TempDir()
	same := put(t, dir, "same.ts", gen("same\n"))
	stale := put(t, dir, "stale.ts", gen("old\n"))
	files := []emit.File{
		{Path: same, Content: gen("same\n")},
		{Path: stale, Content: gen("new\n")},
	}
	changes := plan(t, files, nil)
	if diff := cmp.Diff([]string{"update stale.ts"}, ops(t, dir, changes)); diff != "" {
		t.Fatalf("changes (-want +got):\n%s", diff)
	}
	if got := string(changes[0].Old); got != string(gen("old\n")) {
		t.Errorf("Old = %q, want the bytes on disk", got)
	}
	apply(t, changes)
	if got := read(t, stale); got != string(gen("new\n")) {
		t.Errorf("stale.ts = %q after Apply", got)
	}
	info, err := os.Stat(same)
	if err != nil {
		t.Fatal(err)
	}
	if !info.ModTime().Equal(past) {
		t.Errorf("same.ts was rewritten: modification time %v, want %v", info.ModTime(), past)
	}
}

func TestReplaceIsAtomicAndKeepsPermissions(t *testing.T) {
	dir := t.TempDir()
	path := put(t, dir, "actions_gen.go", gen("old\n"))
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	// A hard link keeps the old file reachable: if Apply wrote in place, the
	// link would see the new bytes; a rename leaves it with the old ones.
	link := filepath.Join(dir, "link")
	if err := os.Link(path, link); err != nil {
		t.Skipf("hard links not supported here: %v", err)
	}
	apply(t, plan(t, []emit.File{{Path: path, Content: gen("new\n")}}, nil))

	if got := read(t, path); got != string(gen("new\n")) {
		t.Errorf("file = %q, want the new bytes", got)
	}
	if got := read(t, link); got != string(gen("old\n")) {
		t.Errorf("old file = %q: it was written in place, not replaced", got)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("permissions = %v, want 0600 kept from the replaced file", perm)
	}
	if diff := cmp.Diff([]string{"actions_gen.go", "link"}, dirNames(t, dir)); diff != "" {
		t.Errorf("directory holds leftovers (-want +got):\n%s", diff)
	}
}

func TestApplyFailureLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	// A directory where the file should go: the rename fails.
	path := filepath.Join(dir, "runtime.ts")
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	err := Apply([]Change{{Op: Create, Path: path, New: gen("x\n")}})
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("Apply = %v, want an error naming %s", err, path)
	}
	if diff := cmp.Diff([]string{"runtime.ts"}, dirNames(t, dir)); diff != "" {
		t.Errorf("directory holds leftovers (-want +got):\n%s", diff)
	}
}

func TestRefusesHandWrittenFiles(t *testing.T) {
	dir := t.TempDir()
	hand := []byte("package cart\n\n// Actions is mine.\nfunc Actions() {}\n")
	glue := put(t, dir, "cart/actions_gen.go", hand)
	// Not quite the header: a file generated by another tool is not ours either.
	other := put(t, dir, "web/cart.ts", []byte("// Code generated by another tool. DO NOT EDIT.\n"))
	fresh := filepath.Join(dir, "web", "runtime.ts")
	files := []emit.File{
		{Path: glue, Content: gen("package cart\n")},
		{Path: other, Content: gen("export {};\n")},
		{Path: fresh, Content: gen("export {};\n")},
	}

	changes, err := Plan(files, nil)
	if err == nil {
		t.Fatalf("Plan = %v, want a refusal", ops(t, dir, changes))
	}
	var refused []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var r *RefusalError
		if !errors.As(e, &r) {
			t.Fatalf("error %v is not a *RefusalError", e)
		}
		refused = append(refused, r.Path)
	}
	if diff := cmp.Diff([]string{glue, other}, refused); diff != "" {
		t.Errorf("refused files (-want +got):\n%s", diff)
	}
	want := "refusing to overwrite hand-written file " + glue
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not contain %q", err, want)
	}
	if changes != nil {
		t.Errorf("Plan returned changes with its error: %v", ops(t, dir, changes))
	}
	if got := read(t, glue); got != string(hand) {
		t.Errorf("hand-written file changed to %q", got)
	}
	if _, err := os.Stat(fresh); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused plan wrote %s (stat: %v)", fresh, err)
	}
}

func TestOrphans(t *testing.T) {
	dir := t.TempDir()
	orphanGo := put(t, dir, "old/actions_gen.go", gen("package old\n"))
	orphanTS := put(t, dir, "web/old.ts", gen("export {};\n"))
	handTS := put(t, dir, "web/handwritten.ts", []byte("export const x = 1;\n"))
	handGo := put(t, dir, "mine/actions_gen.go", []byte("package mine\n"))
	kept := put(t, dir, "web/cart.ts", gen("export {};\n"))
	missing := filepath.Join(dir, "gone", "actions_gen.go")

	files := []emit.File{{Path: kept, Content: gen("export {};\n")}}
	orphans := []string{orphanGo, handGo, missing, handTS, kept, orphanTS, orphanTS}
	changes := plan(t, files, orphans)
	want := []string{"delete old/actions_gen.go", "delete web/old.ts"}
	if diff := cmp.Diff(want, ops(t, dir, changes)); diff != "" {
		t.Fatalf("changes (-want +got):\n%s", diff)
	}
	apply(t, changes)
	for _, path := range []string{orphanGo, orphanTS} {
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("orphan %s not deleted (stat: %v)", path, err)
		}
	}
	for _, path := range []string{handTS, handGo, kept} {
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s should be left alone: %v", path, err)
		}
	}
}

// TestTwoRunsApplyTheSameChanges applies one plan twice, as two runs on
// one module started together do: the second finds the orphans gone and
// the files already written, and succeeds.
func TestTwoRunsApplyTheSameChanges(t *testing.T) {
	dir := t.TempDir()
	orphan := put(t, dir, "old/actions_gen.go", gen("package old\n"))
	stale := put(t, dir, "cart/actions_gen.go", gen("package cart\n"))
	files := []emit.File{
		{Path: stale, Content: gen("package cart\n\nfunc Actions() {}\n")},
		{Path: filepath.Join(dir, "web", "cart.ts"), Content: gen("export {};\n")},
	}
	first := plan(t, files, []string{orphan})
	second := plan(t, files, []string{orphan})
	apply(t, first)
	if err := Apply(second); err != nil {
		t.Fatalf("the second run's Apply: %v", err)
	}
	if _, err := os.Stat(orphan); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("orphan %s not deleted (stat: %v)", orphan, err)
	}
	for _, f := range files {
		if got := read(t, f.Path); got != string(f.Content) {
			t.Errorf("%s = %q, want %q", f.Path, got, f.Content)
		}
	}
	if again := plan(t, files, []string{orphan}); len(again) != 0 {
		t.Errorf("after both runs, changes remain: %v", ops(t, dir, again))
	}
}

func TestFileGeneratedTwice(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.ts")
	_, err := Plan([]emit.File{{Path: path}, {Path: filepath.Join(dir, ".", "x.ts")}}, nil)
	if err == nil || !strings.Contains(err.Error(), "x.ts is generated twice") {
		t.Fatalf("Plan = %v, want an error about x.ts generated twice", err)
	}
}

func TestReport(t *testing.T) {
	changes := []Change{
		{Op: Create, Path: "web/gen/cart.ts", New: gen("new\n")},
		{Op: Update, Path: "cart/actions_gen.go", Old: gen("one\ntwo\n"), New: gen("one\n2\n")},
		{Op: Delete, Path: "old/actions_gen.go", Old: gen("old\n")},
		{Op: Update, Path: "web/gen/runtime.ts", Old: gen("a\n"), New: gen("b\n")},
	}
	var b strings.Builder
	if err := Report(&b, changes); err != nil {
		t.Fatal(err)
	}
	want := `diff a/cart/actions_gen.go b/cart/actions_gen.go
--- a/cart/actions_gen.go
+++ b/cart/actions_gen.go
@@ -1,4 +1,4 @@
 ` + emit.Header + `
 
 one
-two
+2
diff a/web/gen/runtime.ts b/web/gen/runtime.ts
--- a/web/gen/runtime.ts
+++ b/web/gen/runtime.ts
@@ -1,3 +1,3 @@
 ` + emit.Header + `
 
-a
+b
missing: web/gen/cart.ts
orphaned: old/actions_gen.go
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("Report (-want +got):\n%s", diff)
	}
}

func TestIsGenerated(t *testing.T) {
	for _, tc := range []struct {
		content string
		want    bool
	}{
		{emit.Header + "\n\npackage x\n", true},
		{emit.Header + "\r\npackage x\r\n", true},
		{emit.Header, true},
		{"", false},
		{"package x\n" + emit.Header + "\n", false},
		{" " + emit.Header + "\n", false},
		{emit.Header + " \n", false},
		{"// Code generated by stringer. DO NOT EDIT.\n", false},
		// JSON, which has no comments, carries the text in its first member.
		{emit.JSONHeader + "\n  \"openapi\": \"3.1.0\"\n}\n", true},
		{strings.ReplaceAll(emit.JSONHeader, "\n", "\r\n") + "\r\n}\r\n", true},
		{"{\n  \"openapi\": \"3.1.0\",\n" + strings.TrimPrefix(emit.JSONHeader, "{\n") + "\n}\n", false},
		{"{\"x-generated-by\": \"" + emit.Generated + "\"}\n", false},
		{"{\n  \"x-generated-by\": \"Code generated by someone else. DO NOT EDIT.\",\n}\n", false},
	} {
		if got := IsGenerated([]byte(tc.content)); got != tc.want {
			t.Errorf("IsGenerated(%q) = %v, want %v", tc.content, got, tc.want)
		}
	}
}

func TestUnreadableFileStopsThePlan(t *testing.T) {
	dir := t.TempDir()
	// A directory where a file should go cannot be read as one.
	blocked := filepath.Join(dir, "cart.ts")
	if err := os.Mkdir(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	files := []emit.File{
		{Path: filepath.Join(dir, "runtime.ts"), Content: gen("export {};\n")},
		{Path: blocked, Content: gen("export {};\n")},
	}
	changes, err := Plan(files, nil)
	if err == nil || !strings.Contains(err.Error(), blocked) {
		t.Fatalf("Plan = %v, %v; want an error naming %s", ops(t, dir, changes), err, blocked)
	}
	var r *RefusalError
	if errors.As(err, &r) {
		t.Errorf("error %v is a refusal; want the read error", err)
	}
}
