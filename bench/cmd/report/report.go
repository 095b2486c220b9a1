package main

import (
	"fmt"
	"io"
)

var (
	payloads = []string{"small", "medium", "large"}
	servers  = []string{"actions", "floor-v2", "floor-strict", "floor", "huma", "connect"}
	peers    = []string{"trpc", "openapi-fetch", "connect-web"}
	genSizes = []int{10, 50, 200}
)

// floor is the server the targets hold the generated handler to: the
// hand-written handler on encoding/json/v2 with the runtime's codec options.
const floor = "floor-v2"

// The targets, as the project set them.
const (
	maxVsFloor   = 1.05 // generated ns/op over the floor's, every payload
	minVsPeers   = 1.5  // peers' ns/op over the generated handler's
	maxGenVsLoad = 1.3  // gen over packages.Load, at the largest size
	// The client's targets were 600 bytes and 4 times smaller than the
	// smallest peer until every call carried what tells a client and a
	// server of different deploys apart (the fingerprint, the stale-client
	// hook), per-call timeouts, credentials, error IDs and field errors:
	// the runtime with one stub grew from 569 to 740 bytes, in code that
	// every call runs and no bundler can leave out.
	maxStubBytes    = 800 // runtime and one stub, min+gzip
	maxPerStubBytes = 60  // each further stub
	minPeerFactor   = 3   // smallest peer over runtime and one stub

	maxInterceptorNs = 50 // what one no-op interceptor adds to a call, ns

	minStreamVsFloor    = 0.9     // generated items/s over the floor's, in process
	maxStreamHeapGrowth = 1 << 20 // heap in use after streamHeapItems items over after the first thousand
)

// The lengths of the streams of the stream benchmarks: each operation of
// BenchmarkStream and BenchmarkStreamLoopback serves streamItems items, one
// of BenchmarkStreamHeap streamHeapItems.
const (
	streamItems     = 1000
	streamHeapItems = 100_000
)

func streamName(mode, server string) string {
	items := streamItems
	if mode == "StreamHeap" {
		items = streamHeapItems
	}
	return fmt.Sprintf("Benchmark%s/items=%d/server=%s", mode, items, server)
}

func dispatchName(mode, payload, server string) string {
	return fmt.Sprintf("Benchmark%s/payload=%s/server=%s", mode, payload, server)
}

func invokeName(interceptors string) string {
	return "BenchmarkInvoke/interceptors=" + interceptors
}

func genName(n int, tool string) string {
	return fmt.Sprintf("BenchmarkGenerate/packages=%d/tool=%s", n, tool)
}

// target is one row of the table of targets.
type target struct{ name, measured, want, verdict string }

// atMost and atLeast judge a measured ratio against a bound and say by how
// much a miss misses.
func atMost(v, bound float64) string {
	if v <= bound {
		return "ok"
	}
	return fmt.Sprintf("MISSED by %.1f%%", (v/bound-1)*100)
}

func atLeast(v, bound float64) string {
	if v >= bound {
		return "ok"
	}
	return fmt.Sprintf("MISSED by %.1f%%", (1-v/bound)*100)
}

func writeReport(w io.Writer, r results) {
	var targets []target
	missing := func(name string) { targets = append(targets, target{name, "no data", "", "MISSED (not measured)"}) }

	for _, p := range payloads {
		v, ok := r.ratio(dispatchName("InProcess", p, "actions"), dispatchName("InProcess", p, floor), "ns/op")
		ga, _ := r.median(dispatchName("InProcess", p, "actions"), "allocs/op")
		fa, _ := r.median(dispatchName("InProcess", p, floor), "allocs/op")
		name := "in-process " + p + ": actions/" + floor + " ns/op"
		if !ok {
			missing(name)
			continue
		}
		targets = append(targets,
			target{name, fmt.Sprintf("%.2fx", v), fmt.Sprintf("<= %.2fx", maxVsFloor), atMost(v, maxVsFloor)},
			target{"in-process " + p + ": allocs/op actions vs " + floor, fmt.Sprintf("%.0f vs %.0f", ga, fa), "<= " + floor, atMost(ga, fa)},
		)
	}
	for _, p := range payloads[:2] {
		for _, peer := range []string{"huma", "connect"} {
			name := fmt.Sprintf("in-process %s: %s/actions ns/op", p, peer)
			v, ok := r.ratio(dispatchName("InProcess", p, peer), dispatchName("InProcess", p, "actions"), "ns/op")
			if !ok {
				missing(name)
				continue
			}
			targets = append(targets, target{name, fmt.Sprintf("%.2fx", v), fmt.Sprintf(">= %.1fx", minVsPeers), atLeast(v, minVsPeers)})
		}
	}
	// An interceptor: the root package's BenchmarkInvoke, from the decoded
	// arguments to the result, with one no-op interceptor and with none.
	if v, ok := r.diff(invokeName("noop"), invokeName("none"), "ns/op"); ok {
		na, _ := r.median(invokeName("none"), "allocs/op")
		ia, _ := r.median(invokeName("noop"), "allocs/op")
		targets = append(targets,
			target{"one no-op interceptor: ns/call added", fmt.Sprintf("%.1f ns", v), fmt.Sprintf("< %d ns", maxInterceptorNs), atMost(v, maxInterceptorNs)},
			target{"one no-op interceptor: allocs/call, with vs none", fmt.Sprintf("%.0f vs %.0f", ia, na), "<= none", atMost(ia, na)},
		)
	} else {
		missing("one no-op interceptor: ns/call added")
	}
	// Streams: items/s of the generated handler over the floor's, which is
	// the floor's ns/op over the generated one's.
	if v, ok := r.ratio(streamName("Stream", "floor"), streamName("Stream", "actions"), "ns/op"); ok {
		targets = append(targets, target{"stream in process: actions/floor items/s", fmt.Sprintf("%.2fx", v), fmt.Sprintf(">= %.1fx", minStreamVsFloor), atLeast(v, minStreamVsFloor)})
	} else {
		missing("stream in process: actions/floor items/s")
	}
	if g, ok := r.median(streamName("StreamHeap", "actions"), "heap-growth-B"); ok {
		targets = append(targets, target{fmt.Sprintf("stream heap growth over %dk items", streamHeapItems/1000), fmt.Sprintf("%+.0f KiB", g/1024), fmt.Sprintf("<= %d KiB", maxStreamHeapGrowth/1024), atMost(g, maxStreamHeapGrowth)})
	} else {
		missing("stream heap growth")
	}
	genAt := func(n int, tool string) (float64, bool) { return r.median(genName(n, tool), "ns/op") }
	big := genSizes[len(genSizes)-1]
	if g, ok1 := genAt(big, "gen"); ok1 {
		if v, ok2 := r.ratio(genName(big, "gen"), genName(big, "load"), "ns/op"); ok2 {
			targets = append(targets, target{fmt.Sprintf("generator at %d packages: gen/packages.Load", big), fmt.Sprintf("%.2fx", v), fmt.Sprintf("<= %.1fx", maxGenVsLoad), atMost(v, maxGenVsLoad)})
		} else {
			missing("generator: gen/packages.Load")
		}
		if g50, ok := genAt(50, "gen"); ok {
			growth, linear := g/g50, float64(big)/50
			targets = append(targets, target{fmt.Sprintf("generator growth 50 -> %d packages", big), fmt.Sprintf("%.2fx", growth), fmt.Sprintf("<= %.1fx (linear)", linear), atMost(growth, linear)})
		}
	} else {
		missing("generator: gen/packages.Load")
	}
	one, ok1 := r.median("BenchmarkClientSize/client=actions-1stub", "gzip-B")
	hundred, ok2 := r.median("BenchmarkClientSize/client=actions-100stubs", "gzip-B")
	if ok1 && ok2 {
		perStub := (hundred - one) / 99
		targets = append(targets,
			target{"client: runtime + 1 stub, min+gzip", fmt.Sprintf("%.0f B", one), fmt.Sprintf("<= %d B", maxStubBytes), atMost(one, maxStubBytes)},
			target{"client: each further stub, min+gzip", fmt.Sprintf("%.1f B", perStub), fmt.Sprintf("<= %d B", maxPerStubBytes), atMost(perStub, maxPerStubBytes)},
		)
		smallest, name := 0.0, ""
		for _, p := range peers {
			if v, ok := r.median("BenchmarkClientSize/client="+p, "gzip-B"); ok && (name == "" || v < smallest) {
				smallest, name = v, p
			}
		}
		if name != "" {
			targets = append(targets, target{"client: smallest peer (" + name + ") / runtime + 1 stub", fmt.Sprintf("%.1fx", smallest/one), fmt.Sprintf(">= %dx", minPeerFactor), atLeast(smallest/one, minPeerFactor)})
		} else {
			missing("client: smallest peer")
		}
	} else {
		missing("client sizes")
	}

	t := newTable(w, "Targets (ratios are medians of ratios taken repetition by repetition):", "name", "measured", "target", "ok|MISSED")
	for _, tg := range targets {
		t.row(tg.name, tg.measured, tg.want, tg.verdict)
	}
	t.end()

	writeStrict(w, r)
	writeDispatch(w, r, "InProcess", "Server dispatch in process (ServeHTTP on a prepared request, minimal ResponseWriter); ratio = server / actions:")
	writeDispatch(w, r, "Loopback", "Server dispatch over loopback (127.0.0.1, keep-alive client, one call at a time); ratio = server / actions:")
	writeStream(w, r)
	writeCodec(w, r)
	writeGenerator(w, r)
	writeGenPhases(w, r)
	writeClient(w, r)
}

func writeDispatch(w io.Writer, r results, mode, title string) {
	t := newTable(w, title, "payload", "server", "ns/op", "ratio", "B/op", "allocs/op")
	for _, p := range payloads {
		for _, s := range servers {
			name := dispatchName(mode, p, s)
			ns, ok := r.median(name, "ns/op")
			if !ok {
				continue
			}
			ratio, _ := r.ratio(name, dispatchName(mode, p, "actions"), "ns/op")
			b, _ := r.median(name, "B/op")
			a, _ := r.median(name, "allocs/op")
			t.row(p, s, fmt.Sprintf("%.0f", ns), fmt.Sprintf("%.2fx", ratio), fmt.Sprintf("%.0f", b), fmt.Sprintf("%.0f", a))
		}
	}
	t.end()
}

// writeStream shows the stream benchmarks per item, and the heap over one
// long stream.
func writeStream(w io.Writer, r results) {
	t := newTable(w, fmt.Sprintf("Streams of small structs, %d items per call, per item (in process: a ResponseWriter that flushes and discards; loopback: 127.0.0.1, the client reading each stream to its end); ratio = items/s over actions':", streamItems),
		"mode", "server", "ns/item", "items/s", "ratio", "B/item", "allocs/item")
	for _, mode := range []string{"Stream", "StreamLoopback"} {
		for _, s := range []string{"actions", "floor"} {
			name := streamName(mode, s)
			ns, ok := r.median(name, "ns/op")
			if !ok {
				continue
			}
			ratio, _ := r.ratio(streamName(mode, "actions"), name, "ns/op")
			b, _ := r.median(name, "B/op")
			a, _ := r.median(name, "allocs/op")
			label := "in process"
			if mode == "StreamLoopback" {
				label = "loopback"
			}
			t.row(label, s, fmt.Sprintf("%.0f", ns/streamItems), fmt.Sprintf("%.0f", streamItems/ns*1e9), fmt.Sprintf("%.2fx", ratio), fmt.Sprintf("%.1f", b/streamItems), fmt.Sprintf("%.2f", a/streamItems))
		}
	}
	t.end()
	t = newTable(w, fmt.Sprintf("Heap in use over one stream of %d items, after a collection (in process):", streamHeapItems),
		"server", "after 1000 items", fmt.Sprintf("after %d", streamHeapItems), "growth")
	for _, s := range []string{"actions", "floor"} {
		name := streamName("StreamHeap", s)
		before, ok1 := r.median(name, "heap-before-B")
		after, ok2 := r.median(name, "heap-after-B")
		growth, ok3 := r.median(name, "heap-growth-B")
		if ok1 && ok2 && ok3 {
			t.row(s, fmt.Sprintf("%.0f KiB", before/1024), fmt.Sprintf("%.0f KiB", after/1024), fmt.Sprintf("%+.0f KiB", growth/1024))
		}
	}
	t.end()
}

// writeStrict compares the generated handler with both v2 floors: the
// targets' one and the one that also checks the request as the runtime does.
func writeStrict(w io.Writer, r results) {
	t := newTable(w, "The generated handler against both v2 floors, in process: floor-v2 is the codec with the runtime's options, floor-strict adds the runtime's checks of the request (see What the floor is):", "payload", "actions/floor-v2", "actions/floor-strict")
	for _, p := range payloads {
		plain, ok1 := r.ratio(dispatchName("InProcess", p, "actions"), dispatchName("InProcess", p, floor), "ns/op")
		strict, ok2 := r.ratio(dispatchName("InProcess", p, "actions"), dispatchName("InProcess", p, "floor-strict"), "ns/op")
		if ok1 && ok2 {
			t.row(p, fmt.Sprintf("%.2fx", plain), fmt.Sprintf("%.2fx", strict))
		}
	}
	t.end()
}

func writeCodec(w io.Writer, r results) {
	t := newTable(w, "Codec: the floor with encoding/json/v2 (the wire's codec) against encoding/json (v1), in process; v2 also refuses duplicate names, invalid UTF-8 and case-variant names, which v1 accepts:", "payload", "v1 ns/op", "v2 ns/op", "v2/v1", "v1 allocs", "v2 allocs")
	for _, p := range payloads {
		v1, ok1 := r.median(dispatchName("InProcess", p, "floor"), "ns/op")
		v2, ok2 := r.median(dispatchName("InProcess", p, "floor-v2"), "ns/op")
		if !ok1 || !ok2 {
			continue
		}
		a1, _ := r.median(dispatchName("InProcess", p, "floor"), "allocs/op")
		a2, _ := r.median(dispatchName("InProcess", p, "floor-v2"), "allocs/op")
		ratio, _ := r.ratio(dispatchName("InProcess", p, "floor-v2"), dispatchName("InProcess", p, "floor"), "ns/op")
		t.row(p, fmt.Sprintf("%.0f", v1), fmt.Sprintf("%.0f", v2), fmt.Sprintf("%.2fx", ratio), fmt.Sprintf("%.0f", a1), fmt.Sprintf("%.0f", a2))
	}
	t.end()
}

func writeGenerator(w io.Writer, r results) {
	t := newTable(w, "Generator: the gen binary (writing nothing, all up to date) against one packages.Load, wall time:", "packages", "gen ms", "load ms", "gen/load", "gen ms/package")
	for _, n := range genSizes {
		g, ok1 := r.median(genName(n, "gen"), "ns/op")
		l, ok2 := r.median(genName(n, "load"), "ns/op")
		if !ok1 || !ok2 {
			continue
		}
		ratio, _ := r.ratio(genName(n, "gen"), genName(n, "load"), "ns/op")
		t.row(fmt.Sprint(n), fmt.Sprintf("%.0f", g/1e6), fmt.Sprintf("%.0f", l/1e6), fmt.Sprintf("%.2fx", ratio), fmt.Sprintf("%.1f", g/1e6/float64(n)))
	}
	t.end()
}

// genPhases are the phases genphases times, in order.
var genPhases = []string{"list", "scan", "emit-go", "emit-ts", "plan-writes"}

func writeGenPhases(w io.Writer, r results) {
	header := append([]string{"packages"}, genPhases...)
	for i := range genPhases {
		header[i+1] += " ms"
	}
	t := newTable(w, "Generator phases, in process (genphases): list is the first of scan's two loads, on its own; scan includes it:", header...)
	for _, n := range genSizes {
		row := []string{fmt.Sprint(n)}
		for _, ph := range genPhases {
			v, ok := r.median(fmt.Sprintf("BenchmarkGenPhase/packages=%d/phase=%s", n, ph), "ns/op")
			if !ok {
				row = nil
				break
			}
			row = append(row, fmt.Sprintf("%.0f", v/1e6))
		}
		if row != nil {
			t.row(row...)
		}
	}
	t.end()
}

func writeClient(w io.Writer, r results) {
	t := newTable(w, "Client bundles (esbuild --bundle --minify --format=esm, gzip -9):", "client", "min B", "min+gzip B")
	for _, c := range append([]string{"actions-1stub", "actions-100stubs"}, peers...) {
		name := "BenchmarkClientSize/client=" + c
		m, ok := r.median(name, "min-B")
		if !ok {
			continue
		}
		g, _ := r.median(name, "gzip-B")
		t.row(c, fmt.Sprintf("%.0f", m), fmt.Sprintf("%.0f", g))
	}
	t.end()
	t = newTable(w, "Per call in Node: a generated stub against a bare fetch of the same action (instant = a fetch that answers at once with the server's bytes); stub - fetch is the median of the differences, round by round:", "transport", "payload", "fetch ns/op", "stub ns/op", "stub - fetch")
	for _, tr := range []string{"instant", "loopback"} {
		for _, p := range payloads[:2] {
			prefix := fmt.Sprintf("BenchmarkNodeCall/transport=%s/payload=%s/call=", tr, p)
			f, ok1 := r.median(prefix+"fetch", "ns/op")
			s, ok2 := r.median(prefix+"stub", "ns/op")
			d, ok3 := r.diff(prefix+"stub", prefix+"fetch", "ns/op")
			if !ok1 || !ok2 || !ok3 {
				continue
			}
			t.row(tr, p, fmt.Sprintf("%.0f", f), fmt.Sprintf("%.0f", s), fmt.Sprintf("%+.0f", d))
		}
	}
	t.end()
}
