package tsemit

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"

	"github.com/actionsgo/actions/internal/testkit"
	"github.com/actionsgo/actions/model"
)

// Size budgets, in bytes of minified and gzipped JavaScript: the runtime
// with one stub, and each further stub. The test guards against
// regressions; the figures it logs (go test -v -run Size) are the measure.
const (
	sizeBudgetFirst  = 750
	sizeBudgetExtra  = 60
	sizeBudgetStream = 1220
)

// TestSize bundles the runtime with one, then two, then three stubs of the
// probe package with esbuild (--bundle --minify --format=esm), as an
// application that also calls configure and catches ActionError would, and
// gzips the result.
func TestSize(t *testing.T) {
	esbuild := testkit.NodeTool(t, "esbuild")
	proj := newNodeProject(t, probeProgram(), map[string][]byte{
		"one.ts":   []byte(`export { echo } from "./gen/probe.js"; export { configure, ActionError } from "./gen/runtime.js";` + "\n"),
		"two.ts":   []byte(`export { echo, nothing } from "./gen/probe.js"; export { configure, ActionError } from "./gen/runtime.js";` + "\n"),
		"three.ts": []byte(`export { echo, nothing, missing } from "./gen/probe.js"; export { configure, ActionError } from "./gen/runtime.js";` + "\n"),
		// The runtime's stream client, as a stream stub pulls it in.
		"stream.ts": []byte(`export { echo } from "./gen/probe.js"; export { configure, ActionError, stream } from "./gen/runtime.js";` + "\n"),
	})
	var sizes []int
	for _, entry := range []string{"one", "two", "three", "stream"} {
		out := filepath.Join(proj.dir, entry+".min.js")
		testkit.Run(t, proj.dir, esbuild, "--bundle", "--minify", "--format=esm", "--log-level=warning", "--outfile="+out, entry+".ts")
		js, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var gz bytes.Buffer
		w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		w.Write(js)
		w.Close()
		t.Logf("%s stub(s): %d bytes minified, %d bytes minified and gzipped", entry, len(js), gz.Len())
		sizes = append(sizes, gz.Len())
	}
	if sizes[0] > sizeBudgetFirst {
		t.Errorf("runtime and one stub: %d bytes gzipped, budget %d", sizes[0], sizeBudgetFirst)
	}
	if sizes[3] > sizeBudgetStream {
		t.Errorf("runtime with the stream client and one stub: %d bytes gzipped, budget %d", sizes[3], sizeBudgetStream)
	}
	for i := 1; i < 3; i++ {
		if extra := sizes[i] - sizes[i-1]; extra > sizeBudgetExtra {
			t.Errorf("stub %d adds %d bytes gzipped, budget %d", i+1, extra, sizeBudgetExtra)
		}
	}
}

// TestSizeModes measures, as TestSize does, the runtime with one stub whose
// result holds a time and a 64-bit integer (so that its reviver and the
// runtime's conversions are bundled), in each mode of the generator.
func TestSizeModes(t *testing.T) {
	esbuild := testkit.NodeTool(t, "esbuild")
	const path = "example.com/probe"
	stamp := &model.Type{Kind: model.KindNamed, Pkg: path, Name: "Stamp"}
	prog := &model.Program{Packages: []*model.Package{{
		Path: path, Name: "probe", Key: "probe",
		Types: []*model.Named{{Name: "Stamp", Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{
			{Name: "at", GoName: "At", Type: &model.Type{Kind: model.KindTime}},
			{Name: "n", GoName: "N", Type: &model.Type{Kind: model.KindInt, Bits: 64}},
		}}}},
		Actions: []*model.Action{
			{ID: "probe.Stamp", Name: "Stamp", TSName: "stamp", Params: []*model.Param{{Name: "s", TSName: "s", Type: stamp}}, Result: stamp},
		},
	}}}
	budgets := map[string]int{"default": sizeBudgetFirst, "dates": sizeBudgetFirst + 120, "bigint": sizeBudgetFirst + 120, "dates+bigint": sizeBudgetFirst + 140}
	for _, mode := range []struct {
		name string
		opts Options
	}{
		{"default", Options{}},
		{"dates", Options{Dates: true}},
		{"bigint", Options{Int64: Int64BigInt}},
		{"dates+bigint", Options{Dates: true, Int64: Int64BigInt}},
	} {
		proj := newNodeProjectWith(t, prog, mode.opts, map[string][]byte{
			"one.ts": []byte(`export { stamp } from "./gen/probe.js"; export { configure, ActionError } from "./gen/runtime.js";` + "\n"),
		})
		out := filepath.Join(proj.dir, "one.min.js")
		testkit.Run(t, proj.dir, esbuild, "--bundle", "--minify", "--format=esm", "--log-level=warning", "--outfile="+out, "one.ts")
		js, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var gz bytes.Buffer
		w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		w.Write(js)
		w.Close()
		t.Logf("%s: runtime and one stub with a time and an int64: %d bytes minified, %d bytes minified and gzipped", mode.name, len(js), gz.Len())
		if gz.Len() > budgets[mode.name] {
			t.Errorf("%s: %d bytes gzipped, budget %d", mode.name, gz.Len(), budgets[mode.name])
		}
	}
}
