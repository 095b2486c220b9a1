package dispatch

import (
	"cmp"
	"net/http"
	"strings"
	"testing"
)

// TestFloorStrictness proves that the floors refuse what they claim to, next
// to the generated handler: a floor that accepted everything would be
// cheaper for the wrong reason. The runtime and the v2 floors refuse by the
// codec's options what encoding/json v1, the other floor, accepts.
func TestFloorStrictness(t *testing.T) {
	const item = `{"id":"a","name":"b","price":1,"quantity":1,"active":true,"tags":[],"attrs":{"k":"v"},"createdAt":"2026-11-28T12:00:00Z","owner":"c"}`
	const all = "actions floor-v2 floor-strict floor"
	const v2 = "actions floor-v2 floor-strict" // the wire's codec
	// nested is a value n arrays deep.
	nested := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	cases := []struct {
		name string
		body string
		// refusedBy lists the servers that must refuse the call with
		// status (400 when zero); the others must answer 200.
		refusedBy string
		status    int
		header    http.Header // replaces the call's headers when set
	}{
		{"valid", `[` + item + `,3,"x"]`, "", 0, nil},
		{"nil slices and maps", `[` + strings.NewReplacer(`"tags":[],`, ``, `"attrs":{"k":"v"},`, ``).Replace(item) + `,3,"x"]`, "", 0, nil},
		{"null slices and maps", `[` + strings.NewReplacer(`"tags":[]`, `"tags":null`, `"attrs":{"k":"v"}`, `"attrs":null`).Replace(item) + `,3,"x"]`, "", 0, nil},
		{"unknown field", `[` + strings.Replace(item, `"owner"`, `"extra":1,"owner"`, 1) + `,3,"x"]`, all, 0, nil},
		{"too few arguments", `[` + item + `,3]`, all, 0, nil},
		{"too many arguments", `[` + item + `,3,"x",4]`, all, 0, nil},
		{"trailing data", `[` + item + `,3,"x"] []`, all, 0, nil},
		{"trailing garbage", `[` + item + `,3,"x"]x`, all, 0, nil},
		{"not an array", `{"item":` + item + `}`, all, 0, nil},
		{"wrong type", `[` + item + `,"3","x"]`, all, 0, nil},
		// Nesting: package app's types hold three levels, so a deeper
		// value is refused for its type whatever the depth limit; past
		// 10,000 levels, the bound of both codecs, for its depth.
		{"deeper than the runtime's limit", `[` + item + `,3,` + nested(40) + `]`, all, 0, nil},
		{"deeper than the codecs' bound", `[` + item + `,3,` + nested(10_001) + `]`, all, 0, nil},
		// What encoding/json v1 accepts and v2 refuses with the runtime's
		// options.
		{"duplicate key", `[` + strings.Replace(item, `"owner"`, `"id":"z","owner"`, 1) + `,3,"x"]`, v2, 0, nil},
		{"duplicate key in a map", `[` + strings.Replace(item, `{"k":"v"}`, `{"k":"v","k":"w"}`, 1) + `,3,"x"]`, v2, 0, nil},
		{"case-variant key", `[` + strings.Replace(item, `"owner"`, `"OWNER"`, 1) + `,3,"x"]`, v2, 0, nil},
		{"invalid UTF-8", `[` + strings.Replace(item, `"c"`, "\"\xff\"", 1) + `,3,"x"]`, v2, 0, nil},
		{"invalid UTF-8 in a map key", `[` + strings.Replace(item, `{"k":"v"}`, "{\"\xff\":\"v\"}", 1) + `,3,"x"]`, v2, 0, nil},
		{"invalid UTF-8 in an argument", `[` + item + ",3,\"\xff\"]", v2, 0, nil},
		// What the runtime checks about the request itself.
		{"text content type", `[` + item + `,3,"x"]`, "actions floor-strict", http.StatusUnsupportedMediaType,
			http.Header{"Content-Type": {"text/plain"}}},
		{"compressed", `[` + item + `,3,"x"]`, "actions floor-strict", http.StatusUnsupportedMediaType,
			http.Header{"Content-Type": {"application/json"}, "Content-Encoding": {"gzip"}}},
		{"cross-site", `[` + item + `,3,"x"]`, "actions floor-strict", http.StatusForbidden,
			http.Header{"Content-Type": {"application/json"}, "Sec-Fetch-Site": {"cross-site"}}},
	}
	for _, s := range allServers(t) {
		if s.Name != "actions" && !strings.HasPrefix(s.Name, "floor") {
			continue
		}
		for _, c := range cases {
			t.Run(s.Name+"/"+c.name, func(t *testing.T) {
				call := s.Calls["medium"]
				call.Body = []byte(c.body)
				if c.header != nil {
					call.Header = c.header
				}
				p := Prepare(call)
				rec := NewRecorder()
				rec.Keep = true
				s.Handler.ServeHTTP(rec, p.Req)
				want := http.StatusOK
				if strings.Contains(" "+c.refusedBy+" ", " "+s.Name+" ") {
					want = cmp.Or(c.status, http.StatusBadRequest)
				}
				if rec.Status != want {
					t.Errorf("status %d, want %d; body %s", rec.Status, want, rec.Body.Bytes())
				}
			})
		}
	}
}
