package dispatch

import (
	"bytes"
	"encoding/json/v2"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/bench/app"
	benchv1 "github.com/actionsgo/actions/bench/connectbench/gen/benchv1"
)

var (
	serversOnce sync.Once
	servers     []*Server
	serversErr  error
)

func allServers(tb testing.TB) []*Server {
	serversOnce.Do(func() { servers, serversErr = NewServers() })
	if serversErr != nil {
		tb.Fatal(serversErr)
	}
	return servers
}

// want returns the result each payload's call must produce.
func want(payload string) any {
	switch payload {
	case "small":
		return "pong"
	case "medium":
		it := app.SampleItem(1)
		it.Quantity += MediumCount
		it.Owner = MediumNote
		return it
	default:
		items := app.SampleItems(app.LargeCount)
		for i := range items {
			items[i].Quantity++
		}
		return items
	}
}

// TestServers proves that every server answers every call with the same
// result, so the benchmarks compare the same work.
func TestServers(t *testing.T) {
	for _, s := range allServers(t) {
		for _, payload := range Payloads {
			t.Run(payload+"/"+s.Name, func(t *testing.T) {
				// Twice through the same prepared request and recorder,
				// as the benchmarks replay them.
				p := Prepare(s.Calls[payload])
				rec := NewRecorder()
				rec.Keep = true
				for range 2 {
					p.Rewind()
					rec.Reset()
					s.Handler.ServeHTTP(rec, p.Req)
					if rec.Status != http.StatusOK {
						t.Fatalf("status %d, body %s", rec.Status, rec.Body.Bytes())
					}
					got := decodeResult(t, s.Name, payload, rec.Body.Bytes())
					if diff := cmp.Diff(want(payload), got); diff != "" {
						t.Errorf("result (-want +got):\n%s", diff)
					}
				}
			})
		}
	}
}

// decodeResult decodes a response into the Go value of package app, from
// protojson for connect.
func decodeResult(t *testing.T, server, payload string, body []byte) any {
	t.Helper()
	if server == "connect" {
		var msg proto.Message
		switch payload {
		case "small":
			msg = &benchv1.SmallResponse{}
		case "medium":
			msg = &benchv1.Item{}
		default:
			msg = &benchv1.Items{}
		}
		if err := protojson.Unmarshal(body, msg); err != nil {
			t.Fatalf("decoding %s: %v", body, err)
		}
		switch m := msg.(type) {
		case *benchv1.SmallResponse:
			return m.GetValue()
		case *benchv1.Item:
			return FromProto(m)
		default:
			var items []app.Item
			for _, it := range m.(*benchv1.Items).GetItems() {
				items = append(items, FromProto(it))
			}
			return items
		}
	}
	var v any
	switch payload {
	case "small":
		v = new(string)
	case "medium":
		v = new(app.Item)
	default:
		v = new([]app.Item)
	}
	// The wire is read back with the runtime's codec options, which refuse
	// unknown members, but for huma, which adds a $schema link to object
	// bodies.
	opts := actions.JSONOptions()
	if server == "huma" {
		opts = json.RejectUnknownMembers(false)
	}
	if err := json.Unmarshal(body, v, opts); err != nil {
		t.Fatalf("decoding %.200s: %v", body, err)
	}
	switch v := v.(type) {
	case *string:
		return *v
	case *app.Item:
		return *v
	default:
		return *v.(*[]app.Item)
	}
}

// TestWire proves that the generated handler and the v2 floors write the
// same wire, v2's with the runtime's options: nil slices and maps as [] and
// {}, <, > and & as they are. The v1 floor writes null and escapes them: it
// is there to measure the other codec, not to speak the wire.
func TestWire(t *testing.T) {
	// An item without tags, attributes or discount decodes with nil ones,
	// and Medium returns it so; the note becomes its owner.
	const body = `[{"id":"a","name":"b","price":1,"quantity":1,"active":true,"createdAt":"2026-11-28T12:00:00Z","owner":"c"},3,"<b>&</b>"]`
	v2Wire := []string{`"tags":[]`, `"attrs":{}`, `"owner":"<b>&</b>"`}
	v1Wire := []string{`"tags":null`, `"attrs":null`, `"owner":"\u003cb\u003e\u0026\u003c/b\u003e"`}
	serve := func(t *testing.T, s *Server) []byte {
		t.Helper()
		call := s.Calls["medium"]
		call.Body = []byte(body)
		rec := NewRecorder()
		rec.Keep = true
		s.Handler.ServeHTTP(rec, Prepare(call).Req)
		if rec.Status != http.StatusOK {
			t.Fatalf("status %d, body %s", rec.Status, rec.Body.Bytes())
		}
		return rec.Body.Bytes()
	}
	// asValues decodes a body into JSON values, where []any{} and nil keep
	// [] apart from null.
	asValues := func(t *testing.T, b []byte) any {
		t.Helper()
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("decoding %s: %v", b, err)
		}
		return v
	}
	var floorV2 any
	for _, s := range allServers(t) {
		if s.Name == "floor-v2" {
			floorV2 = asValues(t, serve(t, s))
		}
	}
	for _, s := range allServers(t) {
		wire := v2Wire
		switch s.Name {
		case "actions", "floor-v2", "floor-strict":
		case "floor":
			wire = v1Wire
		default:
			continue
		}
		t.Run(s.Name, func(t *testing.T) {
			got := serve(t, s)
			for _, w := range wire {
				if !bytes.Contains(got, []byte(w)) {
					t.Errorf("body lacks %s: %s", w, got)
				}
			}
			if bytes.Contains(got, []byte(`"discount"`)) {
				t.Errorf("body has a nil discount: %s", got)
			}
			if s.Name == "floor" {
				return
			}
			if diff := cmp.Diff(floorV2, asValues(t, got)); diff != "" {
				t.Errorf("result differs from floor-v2's (-floor-v2 +%s):\n%s", s.Name, diff)
			}
		})
	}
}

// BenchmarkInProcess calls each server's ServeHTTP on a prepared request and
// a reused minimal ResponseWriter: dispatch cost alone, no network.
func BenchmarkInProcess(b *testing.B) {
	for _, payload := range Payloads {
		for _, s := range allServers(b) {
			b.Run("payload="+payload+"/server="+s.Name, func(b *testing.B) {
				p := Prepare(s.Calls[payload])
				rec := NewRecorder()
				b.ReportAllocs()
				for b.Loop() {
					p.Rewind()
					rec.Reset()
					s.Handler.ServeHTTP(rec, p.Req)
				}
				if rec.Status != http.StatusOK {
					b.Fatalf("status %d", rec.Status)
				}
			})
		}
	}
}

// BenchmarkLoopback calls each server over a real connection on 127.0.0.1
// with a keep-alive client, one call at a time.
func BenchmarkLoopback(b *testing.B) {
	for _, payload := range Payloads {
		for _, s := range allServers(b) {
			b.Run("payload="+payload+"/server="+s.Name, func(b *testing.B) {
				srv := httptest.NewServer(s.Handler)
				defer srv.Close()
				client := &http.Client{Transport: &http.Transport{
					MaxIdleConnsPerHost: 1,
					DisableCompression:  true,
				}}
				defer client.CloseIdleConnections()
				c := s.Calls[payload]
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
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						b.Fatalf("status %d", resp.StatusCode)
					}
				}
			})
		}
	}
}
