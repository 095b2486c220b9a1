package actions

import (
	"bytes"
	"context"
	"encoding/json/jsontext"
	"encoding/json/v2"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"testing"
)

// fuzzItem is the struct argument of the fuzzed actions.
type fuzzItem struct {
	SKU  string            `json:"sku"`
	Qty  int               `json:"qty"`
	Tags []string          `json:"tags,omitempty"`
	Meta map[string]any    `json:"meta,omitempty"`
	Next *fuzzItem         `json:"next,omitempty"`
	Raw  jsontext.Value    `json:"raw,omitempty"`
	Opts map[string]uint16 `json:"opts,omitempty"`
}

// fuzzCall records what a fuzzed action received.
type fuzzCall struct {
	id   string
	args []any
}

var fuzzIDs = []string{"f.Struct", "f.Scalars", "f.None", "f.Panics", "f.Nope"}

// fuzzParams are the parameters of each fuzzed action.
var fuzzParams = map[string][]Parameter{
	"f.Struct":  {Param[fuzzItem]("item")},
	"f.Scalars": {Param[int8]("n"), Param[string]("s"), Param[*bool]("b")},
	"f.None":    nil,
	"f.Panics":  {Param[fuzzItem]("item")},
}

// fuzzActions returns the shapes fuzzed: a struct argument, several scalar
// arguments, none, and one that panics or fails on some input.
func fuzzActions(seen *[]fuzzCall) []Action {
	record := func(id string, args []any) {
		*seen = append(*seen, fuzzCall{id, slices.Clone(args)})
	}
	return []Action{
		{ID: "f.Struct", Params: fuzzParams["f.Struct"], Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				record("f.Struct", args)
				return args[0], nil
			}},
		{ID: "f.Scalars", Params: fuzzParams["f.Scalars"], Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				record("f.Scalars", args)
				return *args[1].(*string), nil
			}},
		{ID: "f.None", Call: func(ctx context.Context, args []any) (any, error) {
			record("f.None", args)
			return nil, nil
		}},
		{ID: "f.Panics", Params: fuzzParams["f.Panics"], Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				record("f.Panics", args)
				it := args[0].(*fuzzItem)
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
		h, err := New(Options{Logger: slog.New(slog.DiscardHandler), MaxDepth: fuzzMaxDepth, MaxBodyBytes: 4096}, fuzzActions(&seen))
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
		// The same request again, on the state the first left in the
		// handler's pools, must get the same answer (internal errors differ
		// by their random id).
		calls := len(seen)
		again := serve()
		if again.Code != w.Code || w.Code != http.StatusInternalServerError && !sameJSON(again.Body.Bytes(), w.Body.Bytes()) {
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
		plain := method == "POST" && (contentType == "application/json" || contentType == "application/json; charset=utf-8") &&
			origin == "" && (fetchSite == "" || fetchSite == "same-origin") && encoding == "" && timeout == "" && id != "f.Nope"
		if plain {
			// Headers that pass every check: the body alone decides, and
			// the oracle says what it must decide.
			want, err := oracleDecode(body, fuzzParams[id], fuzzMaxDepth)
			if (err == nil) != (len(seen) == 1) {
				t.Fatalf("%s %q: the oracle says %v, the handler answered %d %s", id, body, err, w.Code, w.Body)
			}
			if err == nil && len(want)+len(seen[0].args) > 0 && !reflect.DeepEqual(want, seen[0].args) {
				t.Fatalf("%s %q: the action got %#v, the oracle decodes %#v", id, body, seen[0].args, want)
			}
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
		if _, err := oracleDecode(body, fuzzParams[id], fuzzMaxDepth); err != nil {
			t.Fatalf("%s ran for %q, which the oracle refuses: %v", id, body, err)
		}
		if id == "f.Scalars" {
			if want, _ := json.Marshal(*call.args[1].(*string)); w.Body.String() != string(want) {
				t.Fatalf("result %s, the codec writes %s", w.Body, want)
			}
		}
	})
}

// sameJSON reports whether a and b are the same bytes, or the same JSON
// value: a result's maps may be written in any order.
func sameJSON(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	var va, vb any
	return json.Unmarshal(a, &va) == nil && json.Unmarshal(b, &vb) == nil && reflect.DeepEqual(va, vb)
}

// fuzzMaxDepth is the depth limit of the fuzzed handler.
const fuzzMaxDepth = 4

// oracleDecode decides what the handler must do with body, independently of
// how it does it: split the array with the codec's default options, then
// decode each element on its own with JSONOptions, refuse null for a type
// that cannot be null, and measure the nesting on the decoded generic
// value. It returns the arguments the action must get, or why the body must
// be refused.
func oracleDecode(body []byte, params []Parameter, maxDepth int) ([]any, error) {
	var elems []jsontext.Value
	if len(bytes.TrimLeft(body, " \t\r\n")) > 0 {
		if err := json.Unmarshal(body, &elems); err != nil {
			return nil, err
		}
		if elems == nil {
			return nil, errors.New("not an array")
		}
	}
	if len(elems) != len(params) {
		return nil, fmt.Errorf("%d arguments for %d parameters", len(elems), len(params))
	}
	args := []any{}
	for i, p := range params {
		t := p.typ
		if string(elems[i]) == "null" && t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
			return nil, errors.New("null for a type that cannot be null")
		}
		var generic any
		if err := json.Unmarshal(elems[i], &generic); err != nil {
			return nil, err
		}
		if d := nesting(generic); d > maxDepth {
			return nil, fmt.Errorf("nested %d deep", d)
		}
		v := reflect.New(t)
		if err := json.Unmarshal(elems[i], v.Interface(), JSONOptions()); err != nil {
			return nil, err
		}
		args = append(args, v.Interface())
	}
	if len(args) == 0 {
		return nil, nil
	}
	return args, nil
}

// nesting returns how deep objects and arrays nest in a decoded value: 0
// for a scalar, 1 for [] or {}.
func nesting(v any) int {
	d := 0
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			d = max(d, nesting(e))
		}
		return d + 1
	case map[string]any:
		for _, e := range v {
			d = max(d, nesting(e))
		}
		return d + 1
	}
	return 0
}

// checkErrorBody checks an error response: exactly the documented fields,
// a known code, a message, the code's status (or the status of a request
// refused before any action), and an id only on internal errors.
func checkErrorBody(t *testing.T, status int, body []byte) {
	t.Helper()
	var e struct {
		Code    Code           `json:"code"`
		Message string         `json:"message"`
		Details jsontext.Value `json:"details"`
		ID      string         `json:"id"`
	}
	if err := json.Unmarshal(body, &e, JSONOptions()); err != nil {
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
