package actions

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"reflect"
	"testing"
)

// readHeaderKeys are keys of the headers a call carries: those the handler
// reads and others a browser sends.
var readHeaderKeys = []string{
	"Content-Type", "Content-Encoding", FingerprintHeader, Int64Header, TimeoutHeader,
	"Sec-Fetch-Site", "Origin", ClientHeader,
	"Accept", "Accept-Encoding", "Accept-Language", "Connection", "Content-Length",
	"Cookie", "Referer", "Sec-Fetch-Dest", "Sec-Fetch-Mode", "User-Agent",
}

// TestReadHeaders checks that both ways of reading the headers read the
// same ones, over maps of every size either side of smallHeader, with
// empty, single and repeated values: readHeaders picks one by the map's
// size alone.
func TestReadHeaders(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		h := http.Header{}
		for _, k := range readHeaderKeys {
			switch rng.IntN(4) {
			case 0:
			case 1:
				h[k] = []string{}
			case 2:
				h[k] = []string{fmt.Sprint(k, i)}
			case 3:
				h[k] = []string{fmt.Sprint(k, i), "second"}
			}
		}
		walked, looked := walkHeaders(h), lookUpHeaders(h)
		if !reflect.DeepEqual(walked, looked) {
			t.Fatalf("headers %v:\nwalked    %+v\nlooked up %+v", h, walked, looked)
		}
		if got, want := walked.contentType, headerValueOf(h, "Content-Type"); got != want {
			t.Fatalf("Content-Type of %v: %q, want %q", h, got, want)
		}
		if got, want := walked.client, len(h[ClientHeader]) > 0; got != want {
			t.Fatalf("client of %v: %v, want %v", h, got, want)
		}
	}
}

// headerValueOf is Header.Get without canonicalizing: the oracle.
func headerValueOf(h http.Header, key string) string {
	if len(h[key]) == 0 {
		return ""
	}
	return h[key][0]
}

var sinkHeaders requestHeaders

// BenchmarkReadHeaders measures walking a header map and looking up each
// header the handler reads, for maps of 1 to 15 headers (a script's call,
// a browser's): the figures behind smallHeader.
func BenchmarkReadHeaders(b *testing.B) {
	browser := []string{
		"Content-Type", "Accept", "User-Agent", "Content-Length", "Accept-Encoding", "Connection",
		"Cookie", "Origin", "Sec-Fetch-Site", "Referer", "Sec-Fetch-Mode", "Sec-Fetch-Dest",
		"Accept-Language", FingerprintHeader, ClientHeader,
	}
	for _, n := range []int{1, 4, 8, 9, 15} {
		h := http.Header{}
		for _, k := range browser[:n] {
			h[k] = []string{"v"}
		}
		for _, way := range []struct {
			name string
			read func(http.Header) requestHeaders
		}{{"walk", walkHeaders}, {"lookup", lookUpHeaders}} {
			b.Run(fmt.Sprintf("headers=%d/%s", n, way.name), func(b *testing.B) {
				for b.Loop() {
					sinkHeaders = way.read(h)
				}
			})
		}
	}
}
