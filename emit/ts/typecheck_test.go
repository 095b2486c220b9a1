package tsemit

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionsgo/actions/internal/testkit"
)

// tscConfigs are the compiler settings the output must pass, in
// testdata/tsc: each extends base.json (strict, verbatimModuleSyntax,
// isolatedModules, erasableSyntaxOnly and more) with a module system;
// minimal.json compiles the runtime and a module with only the ECMAScript
// library and the fetch of minimal-env.d.ts, no DOM.
var tscConfigs = []string{"nodenext.json", "bundler-esnext.json", "bundler-preserve.json", "minimal.json"}

// TestTypeCheck compiles the output of every golden case, and the type-level
// tests in testdata/typetests, with tsc under each configuration. A
// typetests file named <case>.ts or <case>_*.ts is compiled when that case
// exists; runtime*.ts ones always. Lines marked // @ts-expect-error must fail
// to compile, so a type that is too loose fails the test too. Type tests
// may import the packages of the repository's package.json (TanStack
// Query, React).
func TestTypeCheck(t *testing.T) {
	tsc := testkit.NodeTool(t, "tsc")
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"package.json": []byte(`{"type": "module"}` + "\n")})
	copyDir(t, filepath.Join("testdata", "tsc"), dir, func(string) bool { return true })
	linkNodeModules(t, dir)
	cases := map[string]bool{"runtime": true}
	for _, c := range goldenCases() {
		cases[c.name] = true
		gen := filepath.Join(dir, "gen", c.name)
		writeFiles(t, gen, generate(t, c))
	}
	copyDir(t, filepath.Join("testdata", "typetests"), filepath.Join(dir, "typetests"), func(name string) bool {
		base, _, _ := strings.Cut(strings.TrimSuffix(name, ".ts"), "_")
		return strings.HasSuffix(name, ".ts") && cases[base]
	})
	for _, cfg := range tscConfigs {
		t.Run(strings.TrimSuffix(cfg, ".json"), func(t *testing.T) {
			testkit.Run(t, dir, tsc, "-p", cfg, "--pretty", "false")
		})
	}
}

// TestTypeCheckFails makes sure the type check can fail: an expected error
// that does not happen, and a plain type error, must both be reported.
func TestTypeCheckFails(t *testing.T) {
	tsc := testkit.NodeTool(t, "tsc")
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"package.json":     []byte(`{"type": "module"}` + "\n"),
		"typetests/bad.ts": []byte("// @ts-expect-error nothing is wrong here\nexport const a: number = 1;\nexport const b: string = 2;\n"),
	})
	copyDir(t, filepath.Join("testdata", "tsc"), dir, func(string) bool { return true })
	cmd := exec.Command(tsc, "-p", "nodenext.json", "--pretty", "false")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("tsc accepted a file with type errors:\n%s", out)
	}
	for _, want := range []string{"bad.ts(1,1): error TS2578", "bad.ts(3,14): error TS2322"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("tsc output lacks %q:\n%s", want, out)
		}
	}
}
