package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTrimProcs(t *testing.T) {
	for in, want := range map[string]string{
		"BenchmarkInProcess/payload=small/server=actions-2": "BenchmarkInProcess/payload=small/server=actions",
		"BenchmarkClientSize/client=actions-1stub":          "BenchmarkClientSize/client=actions-1stub",
		"BenchmarkGenerate/packages=10/tool=gen":            "BenchmarkGenerate/packages=10/tool=gen",
	} {
		if got := trimProcs(in); got != want {
			t.Errorf("trimProcs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVerdicts(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{atMost(1.04, 1.05), "ok"},
		{atMost(1.26, 1.05), "MISSED by 20.0%"},
		{atLeast(1.5, 1.5), "ok"},
		{atLeast(0.75, 1.5), "MISSED by 50.0%"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestReport reads results with two repetitions each and checks that the
// table judges the generated handler against the v2 floor, not the v1 one
// (against which every verdict here would differ), by the medians of the
// ratios taken repetition by repetition (huma is 3x in both; the medians of
// each would give 2.86x).
func TestReport(t *testing.T) {
	dir := t.TempDir()
	in := `BenchmarkInProcess/payload=small/server=actions-2 100 1000 ns/op 96 B/op 4 allocs/op
BenchmarkInProcess/payload=small/server=actions-2 100 1100 ns/op 96 B/op 4 allocs/op
BenchmarkInProcess/payload=small/server=floor-v2-2 100 1000 ns/op 96 B/op 4 allocs/op
BenchmarkInProcess/payload=small/server=floor-v2-2 100 1000 ns/op 96 B/op 4 allocs/op
BenchmarkInProcess/payload=small/server=floor-2 100 500 ns/op 96 B/op 3 allocs/op
BenchmarkInProcess/payload=small/server=floor-2 100 500 ns/op 96 B/op 3 allocs/op
BenchmarkInProcess/payload=small/server=huma-2 100 3000 ns/op 96 B/op 5 allocs/op
BenchmarkInProcess/payload=small/server=huma-2 100 3300 ns/op 96 B/op 5 allocs/op
BenchmarkInProcess/payload=small/server=connect-2 100 1400 ns/op 96 B/op 5 allocs/op
BenchmarkInProcess/payload=small/server=connect-2 100 1600 ns/op 96 B/op 5 allocs/op
BenchmarkInProcess/payload=large/server=actions-2 100 2000 ns/op 96 B/op 10 allocs/op
BenchmarkInProcess/payload=large/server=actions-2 100 2000 ns/op 96 B/op 10 allocs/op
BenchmarkInProcess/payload=large/server=floor-v2-2 100 1800 ns/op 96 B/op 9 allocs/op
BenchmarkInProcess/payload=large/server=floor-v2-2 100 1800 ns/op 96 B/op 9 allocs/op
BenchmarkInProcess/payload=large/server=floor-2 100 4000 ns/op 96 B/op 20 allocs/op
BenchmarkInProcess/payload=large/server=floor-2 100 4000 ns/op 96 B/op 20 allocs/op
`
	if err := os.WriteFile(filepath.Join(dir, "inprocess.txt"), []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	// Streams: actions at 0.8x then 1x the floor's items/s, so the median of
	// the ratios is 0.9x; the heap grew in one repetition, shrank in another.
	stream := `BenchmarkStream/items=1000/server=actions-2 100 500000 ns/op 2000000 items/s 65000 B/op 2020 allocs/op
BenchmarkStream/items=1000/server=actions-2 100 400000 ns/op 2500000 items/s 65000 B/op 2020 allocs/op
BenchmarkStream/items=1000/server=floor-2 100 400000 ns/op 2500000 items/s 64000 B/op 2000 allocs/op
BenchmarkStream/items=1000/server=floor-2 100 400000 ns/op 2500000 items/s 64000 B/op 2000 allocs/op
BenchmarkStreamHeap/items=100000/server=actions-2 1 90000000 ns/op 1048576 heap-before-B 1056768 heap-after-B 8192 heap-growth-B
BenchmarkStreamHeap/items=100000/server=actions-2 1 90000000 ns/op 1048576 heap-before-B 1040384 heap-after-B -8192 heap-growth-B
BenchmarkStreamHeap/items=100000/server=actions-2 1 90000000 ns/op 1048576 heap-before-B 3145728 heap-after-B 2097152 heap-growth-B
`
	if err := os.WriteFile(filepath.Join(dir, "stream.txt"), []byte(stream), 0o644); err != nil {
		t.Fatal(err)
	}
	// An interceptor adds 20 then 60 ns: 40 ns, under the bound.
	invoke := `BenchmarkInvoke/interceptors=none-2 100 50 ns/op 64 B/op 1 allocs/op
BenchmarkInvoke/interceptors=none-2 100 40 ns/op 64 B/op 1 allocs/op
BenchmarkInvoke/interceptors=noop-2 100 70 ns/op 64 B/op 1 allocs/op
BenchmarkInvoke/interceptors=noop-2 100 100 ns/op 64 B/op 1 allocs/op
`
	if err := os.WriteFile(filepath.Join(dir, "invoke.txt"), []byte(invoke), 0o644); err != nil {
		t.Fatal(err)
	}
	readme := filepath.Join(dir, "README.md")
	if err := os.WriteFile(readme, []byte("# x\n"+beginMark+"old\n"+endMark+"after\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(dir, readme); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(readme)
	// Columns are compared with their padding reduced to one space.
	flat := strings.Join(strings.Fields(string(got)), " ")
	for _, want := range []string{
		"in-process small: actions/floor-v2 ns/op 1.05x <= 1.05x ok",
		"in-process small: allocs/op actions vs floor-v2 4 vs 4 <= floor-v2 ok",
		"in-process small: huma/actions ns/op 3.00x >= 1.5x ok",
		"in-process small: connect/actions ns/op 1.43x >= 1.5x MISSED by 4.8%",
		"in-process medium: actions/floor-v2 ns/op no data MISSED (not measured)",
		"in-process large: actions/floor-v2 ns/op 1.11x <= 1.05x MISSED by 5.8%",
		"in-process large: allocs/op actions vs floor-v2 10 vs 9 <= floor-v2 MISSED by 11.1%",
		"stream in process: actions/floor items/s 0.90x >= 0.9x ok",
		"one no-op interceptor: ns/call added 40.0 ns < 50 ns ok",
		"one no-op interceptor: allocs/call, with vs none 1 vs 1 <= none ok",
		"stream heap growth over 100k items +8 KiB <= 1024 KiB ok",
		// Per item: the medians of 450 µs and 65,000 B per call of 1,000.
		"in process actions 450 2222222 1.00x 65.0 2.02",
		"in process floor 400 2500000 1.12x 64.0 2.00",
		"actions 1024 KiB 1032 KiB +8 KiB",
		// The codec table: v1 against v2, v2/v1 repetition by repetition.
		"small 500 1000 2.00x 3 4",
		"large 4000 1800 0.45x 20 9",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(flat, "actions/floor ns/op") {
		t.Errorf("a target is judged against the v1 floor:\n%s", got)
	}
	if bytes.Contains(got, []byte("old\n")) || !bytes.HasSuffix(got, []byte(endMark+"after\n")) {
		t.Errorf("markers not respected:\n%s", got)
	}
}
