package dispatch

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// The runtime reads five request headers per call (Content-Type,
// Content-Encoding, its timeout header, and Sec-Fetch-Site and Origin in
// http.CrossOriginProtection). Header.Get canonicalizes its key on every
// call; indexing the map with a key already canonical does not. This
// measures the difference, as evidence for the runtime's profile.
var headerKeys = []string{"Content-Type", "Content-Encoding", "Actions-Timeout-Ms", "Sec-Fetch-Site", "Origin"}

var sink string

func BenchmarkHeaderLookup(b *testing.B) {
	r := httptest.NewRequest(http.MethodPost, "/_actions/app.Small", nil)
	r.Header.Set("Content-Type", "application/json")
	b.Run("how=Get", func(b *testing.B) {
		for b.Loop() {
			for _, k := range headerKeys {
				sink = r.Header.Get(k)
			}
		}
	})
	b.Run("how=index", func(b *testing.B) {
		for b.Loop() {
			for _, k := range headerKeys {
				if v := r.Header[k]; len(v) > 0 {
					sink = v[0]
				}
			}
		}
	})
}
