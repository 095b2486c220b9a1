package actions

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
)

// fuzzItem is the struct argument of the fuzzed actions.
type fuzzItem struct {
	SKU  string            `json:"sku"`
	Qty  int               `json:"qty"`
	Tags []string          `json:"tags,omitempty"`
	Meta map[string]any    `json:"meta,omitempty"`
	Next *fuzzItem         `json:"next,omitempty"`
	Raw  json.RawMessage   `json:"raw,omitempty"`
	Opts map[string]uint16 `json:"opts,omitempty"`
}

// fuzzCall records what a fuzzed action received.
type fuzzCall struct {
	id   string
	args []any
}

var fuzzIDs = []string{"f.Struct", "f.Scalars", "f.None", "f.Panics", "f.Nope"}

// fuzzActions returns the shapes fuzzed: a struct argument, several scalar
// arguments, none, and one that panics or fails on some input.
func fuzzActions(seen *[]fuzzCall) []Action {
	return []Action{
		{ID: "f.Struct", Params: []string{"item"}, Returns: true,
			Call: func(ctx context.Context, args *Args) (any, error) {
				var it fuzzItem
				if err := args.Decode(&it); err != nil {
					return nil, err
				}
				*seen = append(*seen, fuzzCall{"f.Struct", []any{&it}})
				return &it, nil
			}},
		{ID: "f.Scalars", Params: []string{"n", "s", "b"}, Returns: true,
			Call: func(ctx context.Context, args *Args) (any, error) {
				var n int8
				var s string
				var b bool
				for _, p := range []any{&n, &s, &b} {
					if err := args.Decode(p); err != nil {
						return nil, err
					}
				}
				*seen = append(*seen, fuzzCall{"f.Scalars", []any{&n, &s, &b}})
				return s, nil
			}},
		{ID: "f.None", Call: func(ctx context.Context, args *Args) (any, error) {
			*seen = append(*seen, fuzzCall{"f.None", nil})
			return nil, nil
		}},
		{ID: "f.Panics", Params: []string{"item"}, Returns: true,
			Call: func(ctx context.Context, args *Args) (any, error) {
				var it fuzzItem
				if err := args.Decode(&it); err != nil {
					return nil, err
				}
				*seen = append(*seen, fuzzCall{"f.Panics", []any{&it}})
				if it.Qty%2 == 1 {
					panic("odd")
				}
				return nil, Errorf(CodeNotFound, "no %q", it.SKU)
			}},
	}
}

// FuzzHandler sends arbitrary bodies and headers to a few action shapes and
// checks that no panic escapes, every failure is a JSON error body of the
// documented shape with a known code and its status, and an action only
// ever runs with arguments that encoding/json itself decodes strictly to
// the same values.
func FuzzHandler(f *testing.F) {
	f.Add(uint8(0), "POST", "application/json", "", "", "", "", []byte(`[{"sku":"a","qty":1,"tags":["x"],"next":{"sku":"b"}}]`))
	f.Add(uint8(0), "POST", "application/json", "", "", "", "", []byte(`[{"SKU":"a"}]`))
	f.Add(uint8(0), "POST", "application/json", "", "", "", "", []byte(`[{"sku":"a","sku":"b"}]`))
	f.Add(uint8(1), "POST", "application/json; charset=utf-8", "", "same-origin", "", "100", []byte(`[1,"\u00e9",true]`))
	f.Add(uint8(1), "POST", "application/json", "", "", "", "", []byte(`[300,"a",false]`))
	f.Add(uint8(1), "POST", "application/json", "", "", "", "", []byte("[1,\"\xff\",true]"))
	f.Add(uint8(2), "POST", "application/json", "", "", "", "", []byte(``))
	f.Add(uint8(2), "POST", "application/json", "", "", "", "", []byte(`[] x`))
	f.Add(uint8(2), "GET", "", "", "", "", "", []byte(nil))
	f.Add(uint8(2), "POST", "text/plain", "https://evil.example", "cross-site", "gzip", "x", []byte(`[]`))
	f.Add(uint8(3), "POST", "application/json", "http://example.com", "", "", "", []byte(`[{"qty":3}]`))
	f.Add(uint8(3), "POST", "application/json", "", "", "", "", []byte(`[{"qty":2,"meta":{"a":[[[[{}]]]]}}]`))
	f.Add(uint8(4), "POST", "application/json", "", "", "", "", []byte(`[]`))
	f.Fuzz(func(t *testing.T, action uint8, method, contentType, origin, fetchSite, encoding, timeout string, body []byte) {
		var seen []fuzzCall
		h, err := New(Options{Logger: slog.New(slog.DiscardHandler), MaxDepth: 4, MaxBodyBytes: 4096}, fuzzActions(&seen))
		if err != nil {
			t.Fatal(err)
		}
		id := fuzzIDs[int(action)%len(fuzzIDs)]
		serve := func() *httptest.ResponseRecorder {
			r := httptest.NewRequest("POST", "/_actions/"+id, bytes.NewReader(body))
			r.Method = method
			for k, v := range map[string]string{"Content-Type": contentType, "Origin": origin, "Sec-Fetch-Site": fetchSite, "Content-Encoding": encoding, TimeoutHeader: timeout} {
				if v != "" {
					r.Header.Set(k, v)
				}
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			return w
		}
		w := serve()
		if len(seen) > 1 {
			t.Fatalf("%d calls for one request", len(seen))
		}
		// The handler has now seen the types of the arguments, and its
		// pre-pass checks their keys: the same request must get the same
		// answer (internal errors differ by their random id).
		calls := len(seen)
		again := serve()
		if again.Code != w.Code || w.Code != http.StatusInternalServerError && again.Body.String() != w.Body.String() {
			t.Fatalf("the same request again: %d %s, first %d %s", again.Code, again.Body, w.Code, w.Body)
		}
		if len(seen) != 2*calls {
			t.Fatalf("the same request again made %d calls, the first %d", len(seen)-calls, calls)
		}
		seen = seen[:calls]
		if w.Header().Get("Content-Type") != "application/json; charset=utf-8" ||
			w.Header().Get("X-Content-Type-Options") != "nosniff" || w.Header().Get("Cache-Control") != "no-store" {
			t.Fatalf("headers %v", w.Header())
		}
		if w.Code >= 300 {
			checkErrorBody(t, w.Code, w.Body.Bytes())
		}
		if len(seen) == 0 {
			if w.Code < 300 {
				t.Fatalf("status %d without a call", w.Code)
			}
			return
		}
		call := seen[0]
		if method != "POST" || call.id != id {
			t.Fatalf("%s %s ran %s", method, id, call.id)
		}
		want := id != "f.Panics"
		if ok := w.Code < 300; ok != want {
			t.Fatalf("%s ran and answered %d %s", id, w.Code, w.Body)
		}
		checkStrictDecode(t, body, call.args)
		if id == "f.Scalars" {
			if want, _ := json.Marshal(*call.args[1].(*string)); w.Body.String() != string(want) {
				t.Fatalf("result %s, json.Marshal writes %s", w.Body, want)
			}
		}
	})
}

// checkErrorBody checks an error response: exactly the documented fields,
// a known code, a message, the code's status (or the status of a request
// refused before any action), and an id only on internal errors.
func checkErrorBody(t *testing.T, status int, body []byte) {
	t.Helper()
	var e struct {
		Code    Code            `json:"code"`
		Message string          `json:"message"`
		Details json.RawMessage `json:"details"`
		ID      string          `json:"id"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil || dec.More() {
		t.Fatalf("status %d, error body %q: %v", status, body, err)
	}
	if !e.Code.known() || e.Message == "" {
		t.Fatalf("error body %s", body)
	}
	switch {
	case status == e.Code.HTTPStatus():
	case status == http.StatusMethodNotAllowed && e.Code == CodeInvalidArgument:
	case status == http.StatusUnsupportedMediaType && e.Code == CodeInvalidArgument:
	case status == http.StatusRequestEntityTooLarge && e.Code == CodeResourceExhausted:
	default:
		t.Fatalf("status %d with code %s", status, e.Code)
	}
	if (e.ID != "") != (e.Code == CodeInternal) || e.Code == CodeInternal && e.Message != internalMessage {
		t.Fatalf("error body %s", body)
	}
}

// checkStrictDecode proves that what an action received is what
// encoding/json decodes from body with unknown fields disallowed, that body
// is valid UTF-8, and that its object keys are exact field names.
func checkStrictDecode(t *testing.T, body []byte, got []any) {
	t.Helper()
	var elems []json.RawMessage
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &elems); err != nil {
			t.Fatalf("a call ran for %q, which encoding/json refuses: %v", body, err)
		}
	}
	if len(elems) != len(got) {
		t.Fatalf("a call with %d arguments ran for %q", len(got), body)
	}
	if !bytes.Equal(bytes.ToValidUTF8(body, nil), body) {
		t.Fatalf("a call ran for invalid UTF-8 %q", body)
	}
	for i, arg := range got {
		want := reflect.New(reflect.TypeOf(arg).Elem())
		dec := json.NewDecoder(bytes.NewReader(elems[i]))
		dec.DisallowUnknownFields()
		if err := dec.Decode(want.Interface()); err != nil {
			t.Fatalf("argument %d of %q ran, but encoding/json says %v", i, body, err)
		}
		if !reflect.DeepEqual(want.Interface(), arg) {
			t.Fatalf("argument %d of %q: got %#v, encoding/json decodes %#v", i, body, arg, want.Interface())
		}
		if _, ok := arg.(*fuzzItem); ok {
			var generic any
			json.Unmarshal(elems[i], &generic)
			checkExactItemKeys(t, body, generic)
		}
	}
}

// checkExactItemKeys is an oracle for the key check on fuzzItem: every key
// of the object, and of the objects under "next", is a JSON name of
// fuzzItem exactly.
func checkExactItemKeys(t *testing.T, body []byte, v any) {
	obj, ok := v.(map[string]any)
	if !ok {
		return
	}
	for k, sub := range obj {
		switch k {
		case "sku", "qty", "tags", "meta", "raw", "opts":
		case "next":
			checkExactItemKeys(t, body, sub)
		default:
			t.Fatalf("a call ran for %q, with the key %q", body, k)
		}
	}
}
