package scan

import (
	"path/filepath"
	"testing"

	"github.com/actionsgo/actions/internal/testkit"
)

// TestOutside loads a module that uses the types of another: enums are
// closed in the module being generated and open in the other, unless a
// directive on the type says otherwise.
func TestOutside(t *testing.T) {
	root := testkit.RepoRoot(t)
	dir := filepath.Join(root, "testdata", "outside", "cluster")
	prog := loadClean(t, dir, "./...")
	checkGolden(t, "cluster.json", programJSON(t, prog, filepath.Join(root, "testdata", "outside")))

	for _, tc := range []struct {
		pkg, name string
		open      bool
	}{
		{"example.com/cluster/nodes", "Health", false},
		{"example.com/cluster/nodes", "Rank", false},
		{"example.com/cluster/nodes", "Zone", true},          // //actions:enum open
		{"example.com/kube/core", "NodeConditionType", true}, // another module's
		{"example.com/kube/core", "ResourceName", true},
		{"example.com/kube/core", "Level", true},
		{"example.com/kube/core", "Protocol", false}, // //actions:enum closed in its own source
	} {
		n := prog.Lookup(tc.pkg, tc.name)
		if n == nil || len(n.Enum) == 0 {
			t.Errorf("%s.%s is not an enum of the program", tc.pkg, tc.name)
			continue
		}
		if n.Open != tc.open {
			t.Errorf("%s.%s: Open = %v, want %v", tc.pkg, tc.name, n.Open, tc.open)
		}
	}
}
