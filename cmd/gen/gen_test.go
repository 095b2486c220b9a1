package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/actionsgo/actions/internal/testkit"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run gen: testscript puts a copy of the test
// binary on their PATH under that name, and the copy runs the command in
// process through run.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"gen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar. Each script holds a small module
// that requires github.com/actionsgo/actions; its first command points the
// requirement at this repository with
//
//	exec go mod edit -replace=github.com/actionsgo/actions=$ACTIONS_ROOT
//
// The go command runs offline with the host's build and module caches; $TSC
// is the TypeScript compiler installed at the repository root.
func TestScripts(t *testing.T) {
	root := testkit.RepoRoot(t)
	host := goEnv(t, "GOCACHE", "GOMODCACHE", "GOPATH")
	tsc := testkit.NodeTool(t, "tsc") // the scripts type-check the client
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("ACTIONS_ROOT", root)
			env.Setenv("TSC", tsc)
			for name, value := range host {
				env.Setenv(name, value)
			}
			env.Setenv("GOFLAGS", "-mod=mod")
			env.Setenv("GOPROXY", "off")
			env.Setenv("GOSUMDB", "off")
			env.Setenv("GOTOOLCHAIN", "local")
			env.Setenv("GOWORK", "off")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"backdate":  backdate,
			"backdated": backdated,
		},
	})
}

// longAgo is the modification time backdate sets: no write during a test
// can give a file that time, so a file that still has it was not written.
var longAgo = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

// backdate FILE... sets the modification time of the files to longAgo.
func backdate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: backdate file...")
	}
	for _, name := range args {
		ts.Check(os.Chtimes(ts.MkAbs(name), longAgo, longAgo))
	}
}

// [!] backdated FILE... checks that the files still have (or with !, no
// longer have) the modification time backdate gave them.
func backdated(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: [!] backdated file...")
	}
	for _, name := range args {
		info, err := os.Stat(ts.MkAbs(name))
		ts.Check(err)
		switch old := info.ModTime().Equal(longAgo); {
		case !old && !neg:
			ts.Fatalf("%s was written (modified %v)", name, info.ModTime())
		case old && neg:
			ts.Fatalf("%s was not written", name)
		}
	}
}

// goEnv returns the named variables as the host's go command sees them.
func goEnv(t *testing.T, names ...string) map[string]string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"env", "-json"}, names...)...).Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	env := map[string]string{}
	if err := json.Unmarshal(out, &env); err != nil {
		t.Fatalf("go env: %v", err)
	}
	return env
}

// TestUsage checks the exit codes and messages of bad and helpful command
// lines, which scripts cannot tell apart from other failures.
func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string // a substring of stdout, "" for none at all
		stderr string // a substring of stderr, "" for none at all
	}{
		{[]string{"-h"}, 0, "//go:generate go tool gen -ts web/src/gen ./...", ""},
		{[]string{"-help"}, 0, "usage: gen [-ts DIR] [-ts-dates] [-ts-int64=number|bigint] [-ts-type path.Type=TS]... [-openapi FILE] [-tags LIST] [-check] [-watch] [packages]", ""},
		{[]string{"-nope"}, 2, "", "gen: flag provided but not defined: -nope\nusage: gen [-ts DIR] [-ts-dates] [-ts-int64=number|bigint] [-ts-type path.Type=TS]... [-openapi FILE] [-tags LIST] [-check] [-watch] [packages]\n"},
		{[]string{"-ts"}, 2, "", "gen: flag needs an argument: -ts\n"},
		{[]string{"-ts="}, 2, "", "gen: -ts needs a directory\n"},
		{[]string{"-check=maybe"}, 2, "", `gen: invalid boolean value "maybe" for -check`},
		{[]string{"./...", "-check"}, 2, "", "gen: flags go before packages: -check\n"},
		{[]string{"-tags", "a,b-c"}, 2, "", `gen: -tags: "b-c" is not a build tag: use letters, digits, _ and .`},
		{[]string{"-tags"}, 2, "", "gen: flag needs an argument: -tags\n"},
		{[]string{"-watch", "-check"}, 2, "", "gen: -watch and -check do not go together\n"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code {
			t.Errorf("gen %s: exit code %d, want %d", strings.Join(tc.args, " "), code, tc.code)
		}
		for _, out := range []struct {
			name      string
			got, want string
		}{{"stdout", stdout.String(), tc.stdout}, {"stderr", stderr.String(), tc.stderr}} {
			if out.want == "" && out.got != "" || !strings.Contains(out.got, out.want) {
				t.Errorf("gen %s: %s = %q, want it to contain %q", strings.Join(tc.args, " "), out.name, out.got, out.want)
			}
		}
	}
}
