package synth

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/actionsgo/actions/bench/internal/benchenv"
)

// TestModuleBuilds writes a module with a package of 3 actions and one of 12
// (two rounds of the templates) and builds it.
func TestModuleBuilds(t *testing.T) {
	root, err := benchenv.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := Module(dir, root, map[string]int{"few": 3, "many": 12}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
}

func TestActionsFileNames(t *testing.T) {
	src := string(actionsFile("p", 12))
	if got := strings.Count(src, "//actions:server"); got != 12 {
		t.Errorf("%d actions, want 12", got)
	}
	for _, name := range []string{"func GetOrder(", "func Summary(", "func GetOrder2(", "func ListOrders2("} {
		if !strings.Contains(src, name) {
			t.Errorf("no %s in:\n%s", name, src)
		}
	}
	if strings.Contains(src, "func CreateOrder2(") {
		t.Errorf("13th action written")
	}
}
