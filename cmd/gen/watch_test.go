package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/actionsgo/actions/internal/testkit"
)

// deadline bounds every wait below. It is generous: the go command may be
// slow on a loaded machine, and a test that fails waits this long once.
const deadline = 2 * time.Minute

// newModule writes testdata/watch.txtar into a new directory and points
// its requirement at this repository, and returns the directory and the
// environment the go command must run in there, as the scripts have it.
func newModule(t *testing.T) (dir string, env []string) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "watch.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	for _, f := range ar.Files {
		write(t, filepath.Join(dir, f.Name), string(f.Data))
	}
	env = os.Environ()
	for name, value := range goEnv(t, "GOCACHE", "GOMODCACHE", "GOPATH") {
		env = append(env, name+"="+value)
	}
	env = append(env, "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "GOTOOLCHAIN=local", "GOWORK=off")
	cmd := exec.Command("go", "mod", "edit", "-replace=github.com/actionsgo/actions="+testkit.RepoRoot(t))
	cmd.Dir, cmd.Env = dir, env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod edit: %v\n%s", err, out)
	}
	return dir, env
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// lines collects what a command prints, line by line, as it prints it.
type lines struct {
	mu  sync.Mutex
	all []string
}

func (l *lines) read(r io.Reader) {
	s := bufio.NewScanner(r)
	for s.Scan() {
		l.mu.Lock()
		l.all = append(l.all, s.Text())
		l.mu.Unlock()
	}
}

// since returns the lines from the nth on.
func (l *lines) since(n int) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.all[min(n, len(l.all)):]...)
}

func (l *lines) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.all)
}

// waitFor polls cond until it holds, or fails the test after deadline,
// saying what it waited for and what the command printed.
func waitFor(t *testing.T, what string, stdout, stderr *lines, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(deadline); !cond(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("waited %v for %s\nstdout:\n%s\nstderr:\n%s", deadline, what,
				strings.Join(stdout.since(0), "\n"), strings.Join(stderr.since(0), "\n"))
		}
	}
}

// printed returns a condition: a line from the nth on matches re.
func printed(l *lines, n int, re string) func() bool {
	rx := regexp.MustCompile(re)
	return func() bool {
		for _, line := range l.since(n) {
			if rx.MatchString(line) {
				return true
			}
		}
		return false
	}
}

// contains returns a condition: the file at path contains s.
func contains(path, s string) func() bool {
	return func() bool {
		b, err := os.ReadFile(path)
		return err == nil && bytes.Contains(b, []byte(s))
	}
}

// TestWatch runs gen -watch as a user would, and edits the module under
// it: a new action, then an error, then its fix. Each change is picked up,
// the error is printed with its position as it comes, and an interrupt
// stops the command cleanly.
func TestWatch(t *testing.T) {
	dir, env := newModule(t)
	gen, err := exec.LookPath("gen") // the test binary, as TestMain set it up
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(gen, "-watch", "-ts", "web/gen")
	cmd.Dir, cmd.Env = dir, env
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr lines
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var readers sync.WaitGroup
	readers.Go(func() { stdout.read(outPipe) })
	readers.Go(func() { stderr.read(errPipe) })
	done := make(chan struct{}) // closed once gen has exited, with waitErr
	var waitErr error
	go func() {
		readers.Wait()
		waitErr = cmd.Wait()
		close(done)
	}()
	defer func() {
		select {
		case <-done:
		default:
			cmd.Process.Kill()
			<-done
		}
	}()
	glue := filepath.Join(dir, "cart", "actions_gen.go")

	// The first run writes everything, then gen watches.
	waitFor(t, "the first run", &stdout, &stderr, printed(&stderr, 0, `^gen: watching \d+ directories`))
	for _, want := range []string{"cart/actions_gen.go", "account/actions_gen.go", "web/gen/runtime.ts", "web/gen/cart.ts"} {
		if !printed(&stdout, 0, `^gen: wrote `+regexp.QuoteMeta(want)+`$`)() {
			t.Errorf("the first run did not print that it wrote %s:\n%s", want, strings.Join(stdout.since(0), "\n"))
		}
	}

	// A new action in a new file.
	n := stdout.count()
	write(t, filepath.Join(dir, "cart", "more.go"), "package cart\n\n//actions:server\nfunc RemoveFromCart(sku string) error { return nil }\n")
	waitFor(t, "the glue of the new action", &stdout, &stderr, contains(glue, `"cart.RemoveFromCart"`))
	waitFor(t, "the report of the glue written", &stdout, &stderr, printed(&stdout, n, `^gen: wrote cart/actions_gen\.go$`))
	waitFor(t, "the client of the new action", &stdout, &stderr, contains(filepath.Join(dir, "web", "gen", "cart.ts"), "export async function removeFromCart("))

	// An error, printed at its position, and nothing written.
	n, e := stdout.count(), stderr.count()
	write(t, filepath.Join(dir, "cart", "bad.go"), "package cart\n\n// Pair returns two values.\n//\n//actions:server\nfunc Pair() (int, int) { return 1, 2 }\n")
	waitFor(t, "the diagnostic", &stdout, &stderr, printed(&stderr, e, `^cart/bad\.go:6:6: Pair returns \(int, int\): an action returns \(\), \(error\), \(R\) or \(R, error\)$`))
	if got := stdout.since(n); len(got) > 0 {
		t.Errorf("a run with an error wrote files: %q", got)
	}

	// Fixed: the action is generated.
	e = stderr.count()
	write(t, filepath.Join(dir, "cart", "bad.go"), "package cart\n\n// Pair returns a value.\n//\n//actions:server\nfunc Pair() (int, error) { return 1, nil }\n")
	waitFor(t, "the glue of the fixed action", &stdout, &stderr, contains(glue, `"cart.Pair"`))
	waitFor(t, "the end of the error", &stdout, &stderr, printed(&stderr, e, `^gen: no more errors; generated files are up to date$`))

	// A new package in a new directory.
	write(t, filepath.Join(dir, "wish", "wish.go"), "package wish\n\n//actions:server\nfunc Wish(sku string) error { return nil }\n")
	waitFor(t, "the glue of the new package", &stdout, &stderr, contains(filepath.Join(dir, "wish", "actions_gen.go"), `"wish.Wish"`))

	// An interrupt stops it, with exit status 0.
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
		if waitErr != nil {
			t.Errorf("gen -watch after an interrupt: %v\nstderr:\n%s", waitErr, strings.Join(stderr.since(0), "\n"))
		}
	case <-time.After(deadline):
		t.Fatalf("gen -watch still runs %v after an interrupt", deadline)
	}
	if got := stderr.since(0); len(got) == 0 || got[len(got)-1] != "gen: stopped" {
		t.Errorf("stderr does not end with gen: stopped:\n%s", strings.Join(got, "\n"))
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "*", ".*.tmp*"))
	if len(matches) > 0 {
		t.Errorf("temporary files left: %q", matches)
	}
}

// TestConcurrentRuns holds several runs on one module between planning
// and applying their changes, so that all of them plan before any writes:
// each finds the orphans and stale files the others also found, and all
// succeed.
func TestConcurrentRuns(t *testing.T) {
	dir, env := newModule(t)
	for _, kv := range env {
		if name, value, ok := strings.Cut(kv, "="); ok {
			t.Setenv(name, value)
		}
	}
	t.Chdir(dir)
	if code := run([]string{"-ts", "web/gen"}, io.Discard, os.Stderr); code != 0 {
		t.Fatalf("first run: exit %d", code)
	}
	// account loses its action: its glue and module are orphans; cart
	// gets another one.
	write(t, filepath.Join(dir, "account", "account.go"), "package account\n\nfunc Logout() error { return nil }\n")
	write(t, filepath.Join(dir, "cart", "more.go"), "package cart\n\n//actions:server\nfunc More() error { return nil }\n")

	const runs = 3
	var planned sync.WaitGroup
	planned.Add(runs)
	testHookBeforeApply = func() {
		planned.Done()
		planned.Wait()
	}
	defer func() { testHookBeforeApply = nil }()
	var wg sync.WaitGroup
	codes := make([]int, runs)
	outs := make([]bytes.Buffer, runs)
	for i := range runs {
		wg.Go(func() { codes[i] = run([]string{"-ts", "web/gen"}, io.Discard, &outs[i]) })
	}
	wg.Wait()
	for i, code := range codes {
		if code != 0 {
			t.Errorf("run %d: exit %d\n%s", i, code, outs[i].String())
		}
	}
	testHookBeforeApply = nil
	for _, gone := range []string{"account/actions_gen.go", "web/gen/account.ts"} {
		if _, err := os.Stat(gone); err == nil {
			t.Errorf("orphan %s not deleted", gone)
		}
	}
	if code := run([]string{"-check", "-ts", "web/gen"}, os.Stdout, os.Stderr); code != 0 {
		t.Errorf("gen -check after the runs: exit %d", code)
	}
}
