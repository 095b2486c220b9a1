package scan

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions/internal/testkit"
)

// TestOutside loads a module that uses the types of another: enums are
// closed in the module being generated and open in the other, unless a
// directive on the type says otherwise.
func TestOutside(t *testing.T) {
	root := testkit.RepoRoot(t)
	dir := filepath.Join(root, "testdata", "outside", "cluster")
	prog, diags, err := Load(Config{Dir: dir, TSTypes: testkit.OutsideTSTypes}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("unexpected diagnostic: %s", d.Format(dir))
	}
	if t.Failed() {
		t.FailNow()
	}
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

// TestTSTypes checks what the -ts-type mappings refuse: a type that does
// not marshal itself, and a name no action reaches.
func TestTSTypes(t *testing.T) {
	root := testkit.RepoRoot(t)
	dir := filepath.Join(root, "testdata", "outside", "cluster")
	_, diags, err := Load(Config{Dir: dir, TSTypes: map[string]string{
		"example.com/kube/intstr.IntOrString": "number | string",
		"example.com/kube/core.NodeCondition": "object",
		"example.com/kube/intstr.IntOrStr":    "number",
		"math/big.Int":                        "number",
	}}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Format(dir))
	}
	want := []string{
		"-ts-type example.com/kube/core.NodeCondition: the type has no marshal methods: its TypeScript type follows from its Go type (a ts_type tag sets the type of one field)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	// Without that one, the names no action reaches are reported.
	_, diags, err = Load(Config{Dir: dir, TSTypes: map[string]string{
		"example.com/kube/intstr.IntOrStr": "number",
		"math/big.Int":                     "number",
	}}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, d := range diags {
		got = append(got, d.Format(dir))
	}
	want = []string{
		"-ts-type example.com/kube/intstr.IntOrStr: no action reaches a type of that name that marshals itself",
		"-ts-type math/big.Int: no action reaches a type of that name that marshals itself",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestParseTSType(t *testing.T) {
	for _, tc := range []struct{ in, key, ts, err string }{
		{"k8s.io/apimachinery/pkg/util/intstr.IntOrString=number|string", "k8s.io/apimachinery/pkg/util/intstr.IntOrString", "number|string", ""},
		{"example.com/a.B = `${number}px`", "example.com/a.B", "`${number}px`", ""},
		{"math/big.Int=number", "math/big.Int", "number", ""},
		{"example.com/a.B=", "", "", `"example.com/a.B=": want import/path.Type=TypeScript type`},
		{"example.com/a.B", "", "", `"example.com/a.B": want import/path.Type=TypeScript type`},
		{"example.com/a=string", "", "", `"example.com/a=string": "example.com/a" is not a type of a package`},
		{"example.com/a.=string", "", "", `is not a type of a package`},
		{"Quantity=string", "", "", `is not a type of a package`},
	} {
		key, ts, err := ParseTSType(tc.in)
		if key != tc.key || ts != tc.ts || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ParseTSType(%q) = %q, %q, %v; want %q, %q, %s", tc.in, key, ts, err, tc.key, tc.ts, tc.err)
		}
	}
}
