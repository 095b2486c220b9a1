package tsemit

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/actionsgo/actions/internal/testkit"
	"github.com/actionsgo/actions/model"
	"github.com/actionsgo/actions/scan"
)

// scannedCases returns the golden cases loaded from Go packages with the
// scanner: the shared corpus, and packages of this directory's testdata.
func scannedCases() []goldenCase {
	return []goldenCase{
		{"types", loader("github.com/actionsgo/actions/testdata/types"), Options{}},
		{"shapes", loader("github.com/actionsgo/actions/testdata/shapes"), Options{}},
		{"glue", loader("github.com/actionsgo/actions/emit/go/testdata/glue"), Options{}},
		// The corpus again with each option that changes types: times as
		// Dates, 64-bit integers as bigints.
		{"types_dates", loader("github.com/actionsgo/actions/testdata/types"), Options{Dates: true}},
		{"types_bigint", loader("github.com/actionsgo/actions/testdata/types"), Options{Int64: Int64BigInt}},
		{"samename", loader(
			"github.com/actionsgo/actions/emit/ts/testdata/samename/admin/cart",
			"github.com/actionsgo/actions/emit/ts/testdata/samename/shop/cart",
		), Options{}},
		// A module that uses the types of another, as applications use
		// Kubernetes' API.
		{"cluster", func(t *testing.T) *model.Program {
			return loadIn(t, scan.Config{Dir: filepath.Join("..", "..", "testdata", "outside", "cluster"), TSTypes: testkit.OutsideTSTypes}, "./...")
		}, Options{}},
	}
}

var (
	loadMu sync.Mutex
	loaded = map[string]*model.Program{}
)

// loader returns a function that loads the packages once per test binary.
func loader(patterns ...string) func(t *testing.T) *model.Program {
	return func(t *testing.T) *model.Program {
		t.Helper()
		return load(t, patterns...)
	}
}

// load runs the scanner on patterns, failing on any diagnostic.
func load(t *testing.T, patterns ...string) *model.Program {
	t.Helper()
	return loadIn(t, scan.Config{}, patterns...)
}

// loadIn runs the scanner with cfg on patterns, failing on any diagnostic.
func loadIn(t *testing.T, cfg scan.Config, patterns ...string) *model.Program {
	t.Helper()
	loadMu.Lock()
	defer loadMu.Unlock()
	key := fmt.Sprintf("%+v\x00%s", cfg, fmtKey(patterns))
	if p := loaded[key]; p != nil {
		return p
	}
	prog, diags, err := scan.Load(cfg, patterns...)
	if err != nil {
		t.Fatalf("scan.Load %v: %v", patterns, err)
	}
	if len(diags) > 0 {
		for _, d := range diags {
			t.Error(d.Format(""))
		}
		t.FailNow()
	}
	loaded[key] = prog
	return prog
}

func fmtKey(patterns []string) string {
	key := ""
	for _, p := range patterns {
		key += p + "\x00"
	}
	return key
}
