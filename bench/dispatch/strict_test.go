package dispatch

import (
	"net/http"
	"strings"
	"testing"
)

// TestFloorStrictness proves that the floors refuse what they claim to, next
// to the generated handler: a floor that accepted everything would be
// cheaper for the wrong reason.
func TestFloorStrictness(t *testing.T) {
	const item = `{"id":"a","name":"b","price":1,"quantity":1,"active":true,"tags":[],"attrs":{},"createdAt":"2026-11-28T12:00:00Z","owner":"c"}`
	cases := []struct {
		name string
		body string
		// refusedBy lists the servers that must answer 400; the others
		// must answer 200.
		refusedBy string
	}{
		{"valid", `[` + item + `,3,"x"]`, ""},
		{"unknown field", `[` + strings.Replace(item, `"owner"`, `"extra":1,"owner"`, 1) + `,3,"x"]`, "actions floor floor-v2"},
		{"too few arguments", `[` + item + `,3]`, "actions floor floor-v2"},
		{"too many arguments", `[` + item + `,3,"x",4]`, "actions floor floor-v2"},
		{"trailing data", `[` + item + `,3,"x"] []`, "actions floor floor-v2"},
		{"not an array", `{"item":` + item + `}`, "actions floor floor-v2"},
		{"wrong type", `[` + item + `,"3","x"]`, "actions floor floor-v2"},
		// What encoding/json v1 accepts and the runtime and v2 refuse.
		{"duplicate key", `[` + strings.Replace(item, `"owner"`, `"id":"z","owner"`, 1) + `,3,"x"]`, "actions floor-v2"},
		{"case-variant key", `[` + strings.Replace(item, `"owner"`, `"OWNER"`, 1) + `,3,"x"]`, "actions floor-v2"},
		{"invalid UTF-8", `[` + strings.Replace(item, `"c"`, "\"\xff\"", 1) + `,3,"x"]`, "actions floor-v2"},
	}
	for _, s := range allServers(t) {
		if s.Name != "actions" && !strings.HasPrefix(s.Name, "floor") {
			continue
		}
		for _, c := range cases {
			t.Run(s.Name+"/"+c.name, func(t *testing.T) {
				call := s.Calls["medium"]
				call.Body = []byte(c.body)
				p := Prepare(call)
				rec := NewRecorder()
				rec.Keep = true
				s.Handler.ServeHTTP(rec, p.Req)
				want := http.StatusOK
				if strings.Contains(" "+c.refusedBy+" ", " "+s.Name+" ") {
					want = http.StatusBadRequest
				}
				if rec.Status != want {
					t.Errorf("status %d, want %d; body %s", rec.Status, want, rec.Body.Bytes())
				}
			})
		}
	}
}
