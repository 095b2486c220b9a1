package dispatch

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// StreamItems is the length of the stream each operation of
// BenchmarkStream serves, and HeapItems the one of the heap check.
const (
	StreamItems = 1000
	HeapItems   = 100_000
	heapEarly   = 1000 // the item after which the heap is first measured
)

func streamServers(tb testing.TB, n int) []*Server {
	tb.Helper()
	servers, err := StreamServers(n)
	if err != nil {
		tb.Fatal(err)
	}
	return servers
}

// TestStreamWire proves that the generated handler and the floor write the
// same stream: the same headers and the same bytes, in as many flushed
// frames, so the benchmark compares the same work.
func TestStreamWire(t *testing.T) {
	type response struct {
		Status int
		Header http.Header
		Frames int
		Body   string
	}
	var got []response
	for _, s := range streamServers(t, 3) {
		rec := NewStreamRecorder()
		rec.Keep = true
		s.Handler.ServeHTTP(rec, Prepare(s.Calls["ticks"]).Req)
		got = append(got, response{rec.Status, rec.Header(), rec.Frames, rec.Body.String()})
	}
	want := "event: item\ndata: {\"seq\":0,\"name\":\"tick\",\"value\":0}\n\n" +
		"event: item\ndata: {\"seq\":1,\"name\":\"tick\",\"value\":0.25}\n\n" +
		"event: item\ndata: {\"seq\":2,\"name\":\"tick\",\"value\":0.5}\n\n" +
		"event: end\ndata: {}\n\n"
	if got[0].Status != http.StatusOK || got[0].Body != want || got[0].Frames != 4 {
		t.Errorf("the generated handler wrote status %d, %d frames:\n%s\nwant 200, 4 frames:\n%s", got[0].Status, got[0].Frames, got[0].Body, want)
	}
	if diff := cmp.Diff(got[0], got[1]); diff != "" {
		t.Errorf("the floor's stream differs (-actions +floor):\n%s", diff)
	}
}

// TestStreamHeapFlat serves a stream of HeapItems items with each server
// and checks that the heap in use does not grow with the stream: what
// each item needs is garbage once it is written.
func TestStreamHeapFlat(t *testing.T) {
	const bound = 1 << 20
	for _, s := range streamServers(t, HeapItems) {
		t.Run(s.Name, func(t *testing.T) {
			before, after, rec := StreamHeap(s, HeapItems, heapEarly)
			if rec.Frames != HeapItems+1 {
				t.Fatalf("%d frames, want %d", rec.Frames, HeapItems+1)
			}
			t.Logf("heap in use after %d items: %d B; after %d: %d B; %d B of frames written", heapEarly, before, HeapItems, after, rec.Bytes)
			if after > before+bound {
				t.Errorf("the heap grew by %d B over %d items, more than %d B", after-before, HeapItems-heapEarly, bound)
			}
		})
	}
}

// BenchmarkStream serves a stream of StreamItems small structs per
// operation in process, through a ResponseWriter that flushes (and
// discards): the handler's own cost per item. items/s is the figure;
// B/op and allocs/op divided by StreamItems are per item.
func BenchmarkStream(b *testing.B) {
	for _, s := range streamServers(b, StreamItems) {
		b.Run(fmt.Sprintf("items=%d/server=%s", StreamItems, s.Name), func(b *testing.B) {
			p := Prepare(s.Calls["ticks"])
			rec := NewStreamRecorder()
			b.ReportAllocs()
			for b.Loop() {
				p.Rewind()
				rec.Reset()
				s.Handler.ServeHTTP(rec, p.Req)
			}
			if rec.Status != http.StatusOK || rec.Frames != StreamItems+1 {
				b.Fatalf("status %d, %d frames", rec.Status, rec.Frames)
			}
			b.ReportMetric(float64(b.N)*StreamItems/b.Elapsed().Seconds(), "items/s")
		})
	}
}

// BenchmarkStreamLoopback serves the same streams over a real connection
// on 127.0.0.1, one at a time with a keep-alive client that reads each to
// its end: each flush is a write to the socket, and the runtime's write
// deadline of each frame a call to the connection's.
func BenchmarkStreamLoopback(b *testing.B) {
	for _, s := range streamServers(b, StreamItems) {
		b.Run(fmt.Sprintf("items=%d/server=%s", StreamItems, s.Name), func(b *testing.B) {
			srv := httptest.NewServer(s.Handler)
			defer srv.Close()
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true}}
			defer client.CloseIdleConnections()
			c := s.Calls["ticks"]
			b.ReportAllocs()
			for b.Loop() {
				req, err := http.NewRequest(http.MethodPost, srv.URL+c.Path, bytes.NewReader(c.Body))
				if err != nil {
					b.Fatal(err)
				}
				req.Header = c.Header
				resp, err := client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				n, _ := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK || n < StreamItems*40 {
					b.Fatalf("status %d, %d bytes", resp.StatusCode, n)
				}
			}
			b.ReportMetric(float64(b.N)*StreamItems/b.Elapsed().Seconds(), "items/s")
		})
	}
}

// BenchmarkStreamHeap serves one stream of HeapItems items per operation
// (run it with -benchtime 1x) and reports the heap in use after the first
// heapEarly items and after all of them.
func BenchmarkStreamHeap(b *testing.B) {
	for _, s := range streamServers(b, HeapItems) {
		b.Run(fmt.Sprintf("items=%d/server=%s", HeapItems, s.Name), func(b *testing.B) {
			var before, after uint64
			for b.Loop() {
				before, after, _ = StreamHeap(s, HeapItems, heapEarly)
			}
			b.ReportMetric(float64(before), "heap-before-B")
			b.ReportMetric(float64(after), "heap-after-B")
			b.ReportMetric(float64(int64(after)-int64(before)), "heap-growth-B")
		})
	}
}
