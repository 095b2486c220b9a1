package main

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
)

// results holds every measurement of a run: by benchmark name (without the
// -GOMAXPROCS suffix) and unit, the values of all its repetitions.
type results map[string]map[string][]float64

// readResults adds the benchmark lines of the file to r; a missing file adds
// nothing.
func (r results) read(path string) error {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		name := trimProcs(fields[0])
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				break
			}
			if r[name] == nil {
				r[name] = map[string][]float64{}
			}
			r[name][fields[i+1]] = append(r[name][fields[i+1]], v)
		}
	}
	return sc.Err()
}

// trimProcs removes the -N that go test appends to a benchmark's name.
func trimProcs(name string) string {
	i := strings.LastIndexByte(name, '-')
	if i < 0 {
		return name
	}
	if _, err := strconv.Atoi(name[i+1:]); err != nil {
		return name
	}
	return name[:i]
}

// median returns the median of the named measurement, and false when there
// is none.
func (r results) median(name, unit string) (float64, bool) {
	vs := slices.Clone(r[name][unit])
	if len(vs) == 0 {
		return 0, false
	}
	slices.Sort(vs)
	if n := len(vs); n%2 == 0 {
		return (vs[n/2-1] + vs[n/2]) / 2, true
	}
	return vs[len(vs)/2], true
}

// ratio returns the median of the ratios a/b of the named measurements,
// taken repetition by repetition: go test -count repeats a benchmark
// function whole, so the i-th repetitions of a and b ran close in time, and
// pairing them cancels most of a shared machine's changing load.
func (r results) ratio(a, b, unit string) (float64, bool) {
	as, bs := r[a][unit], r[b][unit]
	n := min(len(as), len(bs))
	if n == 0 {
		return 0, false
	}
	ratios := make([]float64, n)
	for i := range n {
		ratios[i] = as[i] / bs[i]
	}
	slices.Sort(ratios)
	if n%2 == 0 {
		return (ratios[n/2-1] + ratios[n/2]) / 2, true
	}
	return ratios[n/2], true
}

// diff returns the median of the differences a-b of the named
// measurements, taken repetition by repetition as ratio does.
func (r results) diff(a, b, unit string) (float64, bool) {
	as, bs := r[a][unit], r[b][unit]
	n := min(len(as), len(bs))
	if n == 0 {
		return 0, false
	}
	diffs := make([]float64, n)
	for i := range n {
		diffs[i] = as[i] - bs[i]
	}
	slices.Sort(diffs)
	if n%2 == 0 {
		return (diffs[n/2-1] + diffs[n/2]) / 2, true
	}
	return diffs[n/2], true
}
