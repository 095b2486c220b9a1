package goemit_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/emit/go/testdata/glue"
	"github.com/actionsgo/actions/testdata/shapes"
	"github.com/actionsgo/actions/testdata/types"
)

// call is one request to an action and the exact response it must get.
type call struct {
	id     string
	body   string // the JSON array of arguments
	status int
	want   string // the exact response body; "" for none
}

// The serving tests mount the committed glue of the corpus packages, as a
// server would, and call every action through HTTP: they prove that the
// golden files compile, decode typed arguments, call the functions, and
// return results and errors the way the runtime expects.

func TestServeShapes(t *testing.T) {
	var log bytes.Buffer
	srv := httptest.NewServer(newHandler(t, &log, shapes.Actions()))
	defer srv.Close()
	calls := []call{
		// No result: 204 with no body, with or without a context and an error.
		{"shapes.Nothing", `[]`, 204, ""},
		{"shapes.Nothing", ``, 204, ""},
		{"shapes.ContextOnly", `[]`, 204, ""},
		{"shapes.ErrorOnly", `[]`, 204, ""},
		{"shapes.Delete", `["x1"]`, 204, ""},
		// A result: 200 with its JSON, with or without a context and an error.
		{"shapes.Result", `[]`, 200, `"result"`},
		{"shapes.ResultError", `[]`, 200, `42`},
		{"shapes.FileLevelA", `[41]`, 200, `42`},
		{"shapes.FileLevelB", `[]`, 200, `true`},
		{"shapes.New", `[]`, 200, `"new"`},
		{"shapes.GetURL", `[]`, 200, `"/"`},
		{"shapes.ID", `[]`, 200, `"id"`},
		{"shapes.ping", `[]`, 200, `"pong"`},
		// One and several parameters, decoded in order into their types.
		{"shapes.OneParam", `["Ann"]`, 200, `"hello Ann"`},
		{"shapes.SeveralParams", `[2,"ab",["x","y"]]`, 200, `"ababx,y"`},
		{"shapes.Unnamed", `[1,"a"]`, 200, `true`},
		{"shapes.Blank", `[1,false,"x"]`, 200, `false`},
		{"shapes.Grouped", `[1,2,"label"]`, 200, `"label"`},
		{"shapes.Reserved", `["c",1,true,"f"]`, 200, `"c"`},
		{"shapes.Search", `["q",{"limit":3}]`, 200, `["q"]`},
		// The wrong number of arguments, or the wrong type, never reaches the
		// function.
		{"shapes.OneParam", `[]`, 400, `{"code":"invalid_argument","message":"want 1 argument (name), got 0"}`},
		{"shapes.OneParam", `["a","b"]`, 400, `{"code":"invalid_argument","message":"want 1 argument (name), got 2"}`},
		{"shapes.Nothing", `[1]`, 400, `{"code":"invalid_argument","message":"want no arguments, got 1"}`},
		{"shapes.OneParam", `[1]`, 400, `{"code":"invalid_argument","message":"argument name: want a string, got a number"}`},
		{"shapes.SeveralParams", `[2,"ab",[1]]`, 400, `{"code":"invalid_argument","message":"argument c: want a string at /0, got a number"}`},
		{"shapes.Search", `["q",{"limt":3}]`, 400, `{"code":"invalid_argument","message":"argument opts: unknown member \"limt\" (names are case-sensitive)"}`},
	}
	run(t, srv, calls)
	checkCovered(t, shapes.Actions(), calls)

	// A plain error is internal: the client sees a generic message and an
	// error ID, never the error's text.
	status, body := post(t, srv, "shapes.Fails", `[]`)
	checkLogged(t, &log, checkInternal(t, status, body), "it failed")
}

func TestServeErrors(t *testing.T) {
	var log bytes.Buffer
	srv := httptest.NewServer(newHandler(t, &log, glue.Actions()))
	defer srv.Close()
	calls := []call{
		// An *actions.Error returned by the function travels with its code.
		{"glue.NotFound", `["a1"]`, 404, `{"code":"not_found","message":"no item \"a1\""}`},
		// Parameters named like the glue's identifiers and imports still get
		// their own arguments.
		{"glue.Reserved", `[["a"],"e",3,true,"c"]`, 200, `"[a] e 3 true c"`},
		{"glue.Shadowed", `["2024-01-02T03:04:05Z",{"k":1},{"name":"a"},{"name":"b"},7]`, 200, `"2024-01-02 {\"k\":1} a b 7"`},
		// A form action called with JSON, as the generated client calls it.
		{"glue.PlaceOrder", `[{"email":"a@b","qty":2,"gift":true,"tags":["x"]}]`, 200, `"a@b 2 true  0001-01-01 [x] 0"`},
		{"glue.PlaceOrder", `[{"email":"","qty":2,"gift":true}]`, 400, `{"code":"invalid_argument","message":"some fields are not valid","details":{"fields":{"email":"is required"}}}`},
		// A file cannot come as JSON; a File result comes as its bytes.
		{"glue.Upload", `["n","file0"]`, 400, `{"code":"invalid_argument","message":"argument file: not a valid value"}`},
		{"glue.Receipt", `[3]`, 200, `paid`},
	}
	run(t, srv, calls)

	// A panic is recovered as an internal error, logged with the ID the
	// client gets.
	status, body := post(t, srv, "glue.Panics", `[]`)
	checkLogged(t, &log, checkInternal(t, status, body), "panic: it panicked")
	checkCovered(t, glue.Actions(), append(calls, call{id: "glue.Panics"}, call{id: "glue.Lines"}))
}

// TestServeServices serves two values of one service type from two
// handlers, and a second service type beside the package's functions: each
// call reaches the value it was bound to.
func TestServeServices(t *testing.T) {
	ada, bob := glue.NewCounter("ada"), glue.NewCounter("bob")
	srvA := httptest.NewServer(newHandler(t, io.Discard, glue.CounterActions(ada), glue.ClockActions(&glue.Clock{}), glue.Actions()))
	defer srvA.Close()
	srvB := httptest.NewServer(newHandler(t, io.Discard, glue.CounterActions(bob)))
	defer srvB.Close()
	callsA := []call{
		{"glue.Counter.Add", `[2]`, 200, `2`},
		{"glue.Counter.Add", `[3]`, 200, `5`},
		{"glue.Counter.Name", `[]`, 200, `"ada"`},
		{"glue.Counter.Count", `[]`, 200, `5`},
		{"glue.Clock.Now", `[]`, 200, `"noon"`},
		{"glue.Lines", `[true]`, 412, `{"code":"failed_precondition","message":"no lines today"}`},
		{"glue.Counter.Ticks", `[2]`, 200, "event: item\ndata: 5\n\nevent: item\ndata: 6\n\nevent: end\ndata: {}\n\n"},
		{"glue.Lines", `[false]`, 200, "event: item\ndata: \"one\"\n\nevent: error\ndata: {\"code\":\"aborted\",\"message\":\"cut\"}\n\n"},
	}
	run(t, srvA, callsA)
	run(t, srvB, []call{
		{"glue.Counter.Add", `[1]`, 200, `1`},
		{"glue.Counter.Name", `[]`, 200, `"bob"`},
		{"glue.Clock.Now", `[]`, 404, `{"code":"not_found","message":"no action \"glue.Clock.Now\""}`},
	})
	checkCovered(t, glue.CounterActions(ada), callsA)
	checkCovered(t, glue.ClockActions(&glue.Clock{}), callsA)

	// The read is also served by GET, with its cache time.
	res, err := srvA.Client().Get(srvA.URL + "/_actions/glue.Counter.Count")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "private, max-age=60" || res.Header.Get("ETag") == "" {
		t.Errorf("GET of the read: %d %v", res.StatusCode, res.Header)
	}

	// A nil service is refused when the server starts, not at the first call.
	defer func() {
		if p := recover(); p != "glue.CounterActions: nil *Counter" {
			t.Errorf("CounterActions(nil) panicked with %v", p)
		}
	}()
	glue.CounterActions(nil)
	t.Error("CounterActions(nil) did not panic")
}

// TestServeTypes shows that the typed decode works for the kinds of values
// the corpus declares, and that results marshal as the client expects.
func TestServeTypes(t *testing.T) {
	srv := httptest.NewServer(actions.NewHandler(types.Actions()))
	defer srv.Close()
	item := `{"sku":"a1","quantity":2,"price":1.5}`
	run(t, srv, []call{
		{"types.EchoItem", `[` + item + `]`, 200, item},
		{"types.EchoStatus", `["paid"]`, 200, `"paid"`},
		{"types.EchoPriority", `[2]`, 200, `2`},
		{"types.EchoPointer", `[null]`, 200, `null`},
		{"types.EchoPointer", `[` + item + `]`, 200, item},
		{"types.EchoSlice", `[null]`, 400, `{"code":"invalid_argument","message":"argument v: want an array, got null"}`},
		{"types.EchoSlice", `[[]]`, 200, `[]`},
		{"types.EchoArray", `[[` + item + `,` + item + `]]`, 200, `[` + item + `,` + item + `]`},
		{"types.EchoMap", `[{"k":` + item + `}]`, 200, `{"k":` + item + `}`},
		{"types.EchoIntMap", `[{"1":"one"}]`, 200, `{"1":"one"}`},
		{"types.EchoPage", `[{"items":[` + item + `],"next":"c2"}]`, 200, `{"items":[` + item + `],"next":"c2"}`},
		{"types.EchoPair", `[{"key":"k","value":` + item + `}]`, 200, `{"key":"k","value":` + item + `}`},
		{"types.EchoTime", `["2024-01-02T03:04:05Z"]`, 200, `"2024-01-02T03:04:05Z"`},
		{"types.EchoDuration", `[1500]`, 200, `1500`},
		{"types.EchoMonth", `[3]`, 200, `3`},
		{"types.EchoAddr", `["192.0.2.1"]`, 200, `"192.0.2.1"`},
		{"types.EchoPoint", `[{"lat":1.5,"lng":2}]`, 200, `{"lat":1.5,"lng":2}`},
		{"types.EchoFixedBytes", `["AQIDBAUGBwgJCgsMDQ4PEA=="]`, 200, `"AQIDBAUGBwgJCgsMDQ4PEA=="`}, // v2 writes byte arrays as base64
		{"types.EchoBytes", `["aGk="]`, 200, `"aGk="`},
		{"types.EchoMoney", `["12.34"]`, 200, `"12.34"`},
		// Code's MarshalText has a pointer receiver: the glue returns the
		// result by address, so encoding/json calls it.
		{"types.EchoCode", `["abc"]`, 200, `"ABC"`},
		{"types.EchoColor", `["#0a0b0c"]`, 200, `"#0a0b0c"`},
		// The runtime calls Validate on a decoded argument before the call.
		{"types.EchoRange", `[{"from":1,"to":2}]`, 200, `{"from":1,"to":2}`},
		{"types.EchoRange", `[{"from":2,"to":1}]`, 400, `{"code":"invalid_argument","message":"argument v: range ends before it starts"}`},
		{"types.EchoSignUp", `[{"email":""}]`, 400, `{"code":"invalid_argument","message":"argument v: email is required"}`},
	})
}

// TestServeEnums shows that the glue declares each closed enum its
// parameters reach: a value that is none of its constants is refused with
// the values it takes, wherever in the argument it is, and the zero value,
// which Go sends for an unset member, is taken back.
func TestServeEnums(t *testing.T) {
	srv := httptest.NewServer(actions.NewHandler(types.Actions()))
	defer srv.Close()
	const statuses = `want one of \"pending\", \"paid\", \"shipped\" or \"\"`
	run(t, srv, []call{
		{"types.EchoStatus", `["shipped"]`, 200, `"shipped"`},
		{"types.EchoStatus", `[""]`, 200, `""`},
		{"types.EchoStatus", `["lost"]`, 400, `{"code":"invalid_argument","message":"argument v: ` + statuses + `, got \"lost\""}`},
		{"types.EchoPriority", `[0]`, 200, `0`},
		{"types.EchoPriority", `[3]`, 400, `{"code":"invalid_argument","message":"argument v: want one of 0, 1 or 2, got 3"}`},
		{"types.EchoRatio", `[0.25]`, 200, `0.25`},
		{"types.EchoRatio", `[0.3]`, 400, `{"code":"invalid_argument","message":"argument v: want one of 0.5, 0.25 or 0, got 0.3"}`},
		{"types.EchoEscaped", `["say \"hi\""]`, 200, `"say \"hi\""`},
		{"types.EchoToggle", `[true]`, 200, `true`}, // every bool is a Toggle
		// Map keys, and an enum of a generic type's argument.
		{"types.EchoContainers", `[{"enums":{"lost":1}}]`, 400, `{"code":"invalid_argument","message":"argument v: ` + statuses + ` at /enums/lost, got \"lost\""}`},
		{"types.EchoContainers", `[{"intEnums":{"9":"x"}}]`, 400, `{"code":"invalid_argument","message":"argument v: want one of 0, 1 or 2 at /intEnums/9, got 9"}`},
		{"types.EchoGenerics", `[{"nested":{"items":[{"key":"lost","value":null}]}}]`, 400, `{"code":"invalid_argument","message":"argument v: ` + statuses + ` at /nested/items/0/key, got \"lost\""}`},
	})
}

// newHandler serves group with the default options, logging to log.
func newHandler(t *testing.T, log io.Writer, groups ...[]actions.Action) http.Handler {
	t.Helper()
	h, err := actions.New(actions.Options{Logger: slog.New(slog.NewJSONHandler(log, nil))}, groups...)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// checkLogged checks that the log holds the error with the ID the client got.
func checkLogged(t *testing.T, log *bytes.Buffer, id, message string) {
	t.Helper()
	for line := range strings.Lines(log.String()) {
		var entry struct {
			ErrorID string `json:"error_id"`
			Error   string `json:"error"`
		}
		if json.Unmarshal([]byte(line), &entry) == nil && entry.ErrorID == id && entry.Error == message {
			return
		}
	}
	t.Errorf("no log line with error_id %s and error %q:\n%s", id, message, log)
}

// run makes each call and checks its status and body exactly.
func run(t *testing.T, srv *httptest.Server, calls []call) {
	t.Helper()
	for _, c := range calls {
		status, body := post(t, srv, c.id, c.body)
		if status != c.status || body != c.want {
			t.Errorf("%s %s: got %d %s\nwant %d %s", c.id, c.body, status, body, c.status, c.want)
		}
	}
}

// post calls the action id with body as a browser on the same site would.
func post(t *testing.T, srv *httptest.Server, id, body string) (int, string) {
	t.Helper()
	res, err := srv.Client().Post(srv.URL+"/_actions/"+id, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}

// checkInternal checks an internal error response and returns its error ID.
func checkInternal(t *testing.T, status int, body string) string {
	t.Helper()
	var e struct {
		Code, Message, ID string
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatalf("error body %s: %v", body, err)
	}
	if status != http.StatusInternalServerError || e.Code != "internal" || e.Message != "internal error" || !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(e.ID) {
		t.Errorf("got %d %s, want 500 with code internal, message \"internal error\" and an error ID", status, body)
	}
	return e.ID
}

// checkCovered fails for every action of group that no call exercised, so
// an action added to a corpus package cannot go untested here.
func checkCovered(t *testing.T, group []actions.Action, calls []call) {
	t.Helper()
	called := map[string]bool{}
	for _, c := range calls {
		called[c.id] = true
	}
	for _, a := range group {
		if !called[a.ID] && a.ID != "shapes.Fails" {
			t.Errorf("no call of %s", a.ID)
		}
	}
}
