package actions

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// item is a struct argument with tagged fields.
type item struct {
	SKU string `json:"sku"`
	Qty int    `json:"qty"`
}

// valRange has a Validate method with a pointer receiver that returns a plain
// error, and limit one with a value receiver that returns an *Error.
type (
	valRange struct {
		From int `json:"from"`
		To   int `json:"to"`
	}
	valLimit int
)

func (r *valRange) Validate() error {
	if r.To < r.From {
		return errors.New("the range ends before it starts")
	}
	return nil
}

func (l valLimit) Validate() error {
	if l > 100 {
		return Errorf(CodeFailedPrecondition, "limit %d is over 100", l)
	}
	return nil
}

// testActions returns one action per shape the tests need; calls counts the
// calls that reached a function.
func testActions(calls *atomic.Int64) []Action {
	return []Action{
		{ID: "t.Add", Params: []Parameter{Param[item]("item"), Param[int]("n")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				it, n := *args[0].(*item), *args[1].(*int)
				calls.Add(1)
				it.Qty += n
				return it, nil
			}},
		{ID: "t.Sum", Params: []Parameter{Param[float64]("a"), Param[float64]("b"), Param[string]("label")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				a, b, label := *args[0].(*float64), *args[1].(*float64), *args[2].(*string)
				calls.Add(1)
				return fmt.Sprintf("%s=%g", label, a+b), nil
			}},
		{ID: "t.Page", Params: []Parameter{Param[valRange]("r"), Param[*valLimit]("limit"), Param[*valRange]("next")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				calls.Add(1)
				return *args[0].(*valRange), nil
			}},
		{ID: "t.Any", Params: []Parameter{Param[any]("v")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				calls.Add(1)
				return *args[0].(*any), nil
			}},
		{ID: "t.Ping", Call: func(ctx context.Context, args []any) (any, error) {
			calls.Add(1)
			return nil, nil
		}},
		{ID: "t.Nil", Returns: true, Call: func(ctx context.Context, args []any) (any, error) {
			calls.Add(1)
			return (*item)(nil), nil
		}},
		{ID: "t.Fail", Params: []Parameter{Param[string]("err")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				calls.Add(1)
				switch *args[0].(*string) {
				case "notfound":
					return nil, Errorf(CodeNotFound, "no item %q", "x")
				case "wrapped":
					return nil, fmt.Errorf("loading: %w", &Error{Code: CodeAborted, Message: "try again", Details: map[string]int{"retry": 2}})
				case "deadline":
					return nil, fmt.Errorf("query: %w", context.DeadlineExceeded)
				case "panic":
					panic("secret panic value")
				case "internal":
					return nil, Errorf(CodeInternal, "secret internal text")
				case "typednil":
					var e *Error
					return nil, e
				case "unencodable":
					return func() {}, nil
				}
				return nil, errors.New("secret database password")
			}},
		{ID: "t.Wait", Returns: true, Call: func(ctx context.Context, args []any) (any, error) {
			calls.Add(1)
			deadline, ok := ctx.Deadline()
			if !ok {
				return nil, Errorf(CodeFailedPrecondition, "no deadline")
			}
			<-ctx.Done()
			return time.Until(deadline) < time.Second, ctx.Err()
		}},
	}
}

type response struct {
	status int
	header http.Header
	body   string
}

// serve sends one request to h and returns the response.
func serve(h http.Handler, method, path, body string, header map[string]string) response {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		if k == "Content-Length" {
			r.ContentLength = -1 // unknown, as with chunked encoding
			if v != "" {
				r.ContentLength, _ = strconv.ParseInt(v, 10, 64)
			}
		}
		if v == "" {
			r.Header.Del(k)
		} else {
			r.Header.Set(k, v)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return response{w.Code, w.Header(), w.Body.String()}
}

// wireBody is the error body as a client reads it, unknown fields refused.
type wireBody struct {
	Code    Code            `json:"code"`
	Message string          `json:"message"`
	Details json.RawMessage `json:"details"`
	ID      string          `json:"id"`
}

func decodeError(t *testing.T, body string) wireBody {
	t.Helper()
	var e wireBody
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("error body %q: %v", body, err)
	}
	return e
}

// TestRefused proves each default of "Untrusted input": the status, the
// code, and that no action ran.
func TestRefused(t *testing.T) {
	deep := strings.Repeat("[", 33) + strings.Repeat("]", 33)
	tests := []struct {
		name   string
		method string
		path   string
		header map[string]string
		body   string
		status int
		code   Code
		msg    string // a regexp the message must match
	}{
		{"unknown action", "POST", "/_actions/t.Nope", nil, `[]`, 404, CodeNotFound, `no action "t.Nope"`},
		{"outside the prefix", "POST", "/other/t.Ping", nil, `[]`, 404, CodeNotFound, `no action`},
		{"GET", "GET", "/_actions/t.Ping", nil, ``, 405, CodeInvalidArgument, `method GET is not allowed`},
		{"PUT", "PUT", "/_actions/t.Ping", nil, `[]`, 405, CodeInvalidArgument, `method PUT`},
		{"cross-site fetch", "POST", "/_actions/t.Ping", map[string]string{"Sec-Fetch-Site": "cross-site"}, `[]`, 403, CodePermissionDenied, `cross-origin`},
		{"same-site fetch", "POST", "/_actions/t.Ping", map[string]string{"Sec-Fetch-Site": "same-site"}, `[]`, 403, CodePermissionDenied, `cross-origin`},
		{"foreign Origin", "POST", "/_actions/t.Ping", map[string]string{"Origin": "https://evil.example"}, `[]`, 403, CodePermissionDenied, `cross-origin`},
		{"X-Forwarded-Host not trusted", "POST", "/_actions/t.Ping", map[string]string{"Origin": "https://evil.example", "X-Forwarded-Host": "evil.example"}, `[]`, 403, CodePermissionDenied, `cross-origin`},
		{"no Content-Type", "POST", "/_actions/t.Ping", map[string]string{"Content-Type": ""}, `[]`, 415, CodeInvalidArgument, `Content-Type must be application/json`},
		{"text/plain", "POST", "/_actions/t.Ping", map[string]string{"Content-Type": "text/plain"}, `[]`, 415, CodeInvalidArgument, `not "text/plain"`},
		{"form", "POST", "/_actions/t.Ping", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, `[]`, 415, CodeInvalidArgument, `Content-Type`},
		{"latin1 charset", "POST", "/_actions/t.Ping", map[string]string{"Content-Type": "application/json; charset=latin1"}, `[]`, 415, CodeInvalidArgument, `Content-Type`},
		{"other parameter", "POST", "/_actions/t.Ping", map[string]string{"Content-Type": "application/json; x=1"}, `[]`, 415, CodeInvalidArgument, `Content-Type`},
		{"gzip", "POST", "/_actions/t.Ping", map[string]string{"Content-Encoding": "gzip"}, `[]`, 415, CodeInvalidArgument, `Content-Encoding "gzip"`},
		{"Content-Length too large", "POST", "/_actions/t.Ping", map[string]string{"Content-Length": "1048577"}, `[]`, 413, CodeResourceExhausted, `larger than 1048576 bytes`},
		{"body too large", "POST", "/_actions/t.Sum", map[string]string{"Content-Length": ""}, `[1,2,"` + strings.Repeat("x", 1<<20) + `"]`, 413, CodeResourceExhausted, `larger than`},
		{"body over the limit, longer than its Content-Length", "POST", "/_actions/t.Sum", map[string]string{"Content-Length": "1048576"}, `[1,2,"` + strings.Repeat("x", 1<<20) + `"]`, 413, CodeResourceExhausted, `larger than 1048576 bytes`},
		{"body longer than Content-Length", "POST", "/_actions/t.Ping", map[string]string{"Content-Length": "1"}, `[]`, 400, CodeInvalidArgument, `longer than its Content-Length`},
		{"body shorter than Content-Length", "POST", "/_actions/t.Ping", map[string]string{"Content-Length": "10"}, `[]`, 400, CodeInvalidArgument, `shorter than its Content-Length`},
		{"not an array", "POST", "/_actions/t.Ping", nil, `{}`, 400, CodeInvalidArgument, `must be a JSON array`},
		{"syntax error", "POST", "/_actions/t.Add", nil, `[{"sku":}, 1]`, 400, CodeInvalidArgument, `^argument item: invalid JSON at byte 8: invalid character '}' at start of value$`},
		{"unterminated", "POST", "/_actions/t.Add", nil, `[{"sku":"a"`, 400, CodeInvalidArgument, `^argument item: invalid JSON at byte 11`},
		{"too deep", "POST", "/_actions/t.Any", nil, `[` + deep + `]`, 400, CodeInvalidArgument, `^argument v: nested deeper than 32 at /0/0/0`},
		{"too deep inside an object", "POST", "/_actions/t.Any", nil, `[{"a":` + deep + `}]`, 400, CodeInvalidArgument, `^argument v: nested deeper than 32 at /a/0/0`},
		{"trailing data", "POST", "/_actions/t.Ping", nil, `[] []`, 400, CodeInvalidArgument, `unexpected data after the array`},
		{"trailing comma", "POST", "/_actions/t.Add", nil, `[{"sku":"a","qty":1},2,]`, 400, CodeInvalidArgument, `^invalid JSON at byte 22: invalid character ',' at start of value$`},
		{"duplicate key", "POST", "/_actions/t.Add", nil, `[{"sku":"a","qty":1,"sku":"b"},2]`, 400, CodeInvalidArgument, `^argument item: duplicate member name at /sku$`},
		{"duplicate key by escape", "POST", "/_actions/t.Add", nil, `[{"sku":"a","qty":1,"\u0073ku":"b"},2]`, 400, CodeInvalidArgument, `^argument item: duplicate member name at /sku$`},
		{"duplicate key in a map", "POST", "/_actions/t.Any", nil, `[{"a":{"b":1,"b":2}}]`, 400, CodeInvalidArgument, `^argument v: duplicate member name at /a/b$`},
		{"invalid UTF-8", "POST", "/_actions/t.Sum", nil, "[1,2,\"\xff\"]", 400, CodeInvalidArgument, `^argument label: invalid JSON at byte 6: invalid UTF-8$`},
		{"invalid UTF-8 in a key", "POST", "/_actions/t.Any", nil, "[{\"\xff\":1}]", 400, CodeInvalidArgument, `^argument v: invalid JSON at byte 3: invalid UTF-8$`},
		{"lone surrogate", "POST", "/_actions/t.Sum", nil, `[1,2,"\ud800"]`, 400, CodeInvalidArgument, `^argument label: invalid JSON at byte 6: invalid surrogate pair`},
		{"too few arguments", "POST", "/_actions/t.Add", nil, `[{"sku":"a","qty":1}]`, 400, CodeInvalidArgument, `^want 2 arguments \(item, n\), got 1$`},
		{"too many arguments", "POST", "/_actions/t.Ping", nil, `[1]`, 400, CodeInvalidArgument, `^want no arguments, got 1$`},
		{"empty body for arguments", "POST", "/_actions/t.Add", nil, ``, 400, CodeInvalidArgument, `got 0`},
		{"unknown field", "POST", "/_actions/t.Add", nil, `[{"sku":"a","x":1},2]`, 400, CodeInvalidArgument, `^argument item: unknown member "x" \(names are case-sensitive\)$`},
		{"unknown field, nested", "POST", "/_actions/t.Page", nil, `[{"from":1,"to":2,"by":3},1,null]`, 400, CodeInvalidArgument, `^argument r: unknown member "by"`},
		{"case-variant key", "POST", "/_actions/t.Add", nil, `[{"SKU":"a"},2]`, 400, CodeInvalidArgument, `^argument item: unknown member "SKU" \(names are case-sensitive\)$`},
		{"folded key", "POST", "/_actions/t.Add", nil, `[{"ſku":"a"},2]`, 400, CodeInvalidArgument, `^argument item: unknown member "ſku"`},
		{"wrong type", "POST", "/_actions/t.Add", nil, `[{"sku":1},2]`, 400, CodeInvalidArgument, `^argument item: want a string at /sku, got a number$`},
		{"null for a struct", "POST", "/_actions/t.Add", nil, `[null,2]`, 400, CodeInvalidArgument, `^argument item: want an object, got null$`},
		{"null for a number", "POST", "/_actions/t.Add", nil, `[{"sku":"a"},null]`, 400, CodeInvalidArgument, `^argument n: want an integer that fits in int, got null$`},
		{"out of range", "POST", "/_actions/t.Add", nil, `[{"sku":"a"},1e30]`, 400, CodeInvalidArgument, `^argument n: want an integer that fits in int, got 1e30$`},
		{"wrong type inside", "POST", "/_actions/t.Page", nil, `[{"from":"x"},1,null]`, 400, CodeInvalidArgument, `^argument r: want an integer that fits in int at /from, got a string$`},
		{"wrong scalar", "POST", "/_actions/t.Add", nil, `[{"sku":"a"},"2"]`, 400, CodeInvalidArgument, `^argument n: want an integer that fits in int, got a string$`},
		{"fraction for int", "POST", "/_actions/t.Add", nil, `[{"sku":"a"},2.5]`, 400, CodeInvalidArgument, `^argument n: want an integer that fits in int, got 2.5$`},
		{"Validate, pointer receiver", "POST", "/_actions/t.Page", nil, `[{"from":2,"to":1},1,null]`, 400, CodeInvalidArgument, `^argument r: the range ends before it starts$`},
		{"Validate through a pointer argument", "POST", "/_actions/t.Page", nil, `[{},1,{"from":2,"to":1}]`, 400, CodeInvalidArgument, `^argument next: the range ends before it starts$`},
		{"Validate returns an *Error", "POST", "/_actions/t.Page", nil, `[{},101,null]`, 412, CodeFailedPrecondition, `^limit 101 is over 100$`},
		{"bad timeout", "POST", "/_actions/t.Ping", map[string]string{TimeoutHeader: "-5"}, `[]`, 400, CodeInvalidArgument, `Actions-Timeout-Ms must be a positive number`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int64
			h := NewHandler(testActions(&calls))
			res := serve(h, tc.method, tc.path, tc.body, tc.header)
			if res.status != tc.status {
				t.Errorf("status %d, want %d; body %s", res.status, tc.status, res.body)
			}
			e := decodeError(t, res.body)
			if e.Code != tc.code {
				t.Errorf("code %q, want %q", e.Code, tc.code)
			}
			if !regexp.MustCompile(tc.msg).MatchString(e.Message) {
				t.Errorf("message %q does not match %q", e.Message, tc.msg)
			}
			if n := calls.Load(); n != 0 {
				t.Errorf("the action ran %d times", n)
			}
			checkHeaders(t, res.header)
			// The same request again, on the state the first one left in
			// the handler's pools: the answer must be the same.
			again := serve(h, tc.method, tc.path, tc.body, tc.header)
			if again.status != res.status || again.body != res.body {
				t.Errorf("the same request again: %d %s, want %d %s", again.status, again.body, res.status, res.body)
			}
			if n := calls.Load(); n != 0 {
				t.Errorf("the action ran %d times", n)
			}
		})
	}
}

func checkHeaders(t *testing.T, h http.Header) {
	t.Helper()
	for k, v := range map[string]string{
		"Content-Type":           "application/json; charset=utf-8",
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "no-store",
	} {
		if got := h.Get(k); got != v {
			t.Errorf("header %s: %q, want %q", k, got, v)
		}
	}
}

func TestRefusedHeaders(t *testing.T) {
	h := NewHandler(testActions(new(atomic.Int64)))
	if got := serve(h, "GET", "/_actions/t.Ping", "", nil).header.Get("Allow"); got != "POST" {
		t.Errorf("405 Allow: %q, want POST", got)
	}
}

// TestAccepted proves what the checks must let through.
func TestAccepted(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		header map[string]string
		body   string
		status int
		want   string
	}{
		{"struct and scalar", "/_actions/t.Add", nil, `[{"sku":"a","qty":1},2]`, 200, `{"sku":"a","qty":3}`},
		{"spaces everywhere", "/_actions/t.Add", nil, " \n[ {\"sku\" : \"a\" } ,\t2 ] \n", 200, `{"sku":"a","qty":2}`},
		{"escaped key", "/_actions/t.Add", nil, `[{"\u0073ku":"a"},2]`, 200, `{"sku":"a","qty":2}`},
		{"scalars", "/_actions/t.Sum", nil, `[1.5,-2e3,"s\u00e9 \ud83d\ude00"]`, 200, `"sé 😀=-1998.5"`},
		{"no arguments, empty body", "/_actions/t.Ping", nil, ``, 204, ``},
		{"no arguments, []", "/_actions/t.Ping", nil, `[]`, 204, ``},
		{"Validate passes, null not validated", "/_actions/t.Page", nil, `[{"from":1,"to":2},100,null]`, 200, `{"from":1,"to":2}`},
		{"nil pointer result", "/_actions/t.Nil", nil, `[]`, 200, `null`},
		{"charset", "/_actions/t.Ping", map[string]string{"Content-Type": "application/json;charset=UTF-8"}, `[]`, 204, ``},
		{"media type in capitals", "/_actions/t.Ping", map[string]string{"Content-Type": "Application/JSON; Charset=UTF-8"}, `[]`, 204, ``},
		{"same-origin fetch", "/_actions/t.Ping", map[string]string{"Sec-Fetch-Site": "same-origin"}, `[]`, 204, ``},
		{"same Origin", "/_actions/t.Ping", map[string]string{"Origin": "http://example.com"}, `[]`, 204, ``},
		{"allowed Origin", "/_actions/t.Ping", map[string]string{"Origin": "https://app.example", "Sec-Fetch-Site": "cross-site"}, `[]`, 204, ``},
		{"identity encoding", "/_actions/t.Ping", map[string]string{"Content-Encoding": "identity"}, `[]`, 204, ``},
		{"body of the largest size", "/_actions/t.Sum", nil, `[1,2,"` + strings.Repeat("x", 1<<20-10) + `"]`, 200, `"` + strings.Repeat("x", 1<<20-10) + `=3"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int64
			h, err := New(Options{AllowedOrigins: []string{"https://app.example"}}, testActions(&calls))
			if err != nil {
				t.Fatal(err)
			}
			for i := range 2 { // the second time on pooled state
				res := serve(h, "POST", tc.path, tc.body, tc.header)
				if res.status != tc.status || res.body != tc.want {
					t.Errorf("call %d: got %d %s, want %d %s", i+1, res.status, res.body, tc.status, tc.want)
				}
				if calls.Load() != int64(i+1) {
					t.Errorf("the action ran %d times, want %d", calls.Load(), i+1)
				}
				checkHeaders(t, res.header)
			}
		})
	}
}

// TestNoBody sends requests as the server makes them when there is no body:
// with http.NoBody, which the handler does not read.
func TestNoBody(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		length int64
		status int
		want   string // a regexp the body must match
	}{
		{"no arguments", "/_actions/t.Ping", 0, 204, `^$`},
		{"arguments missing", "/_actions/t.Add", 0, 400, `want 2 arguments`},
		{"shorter than Content-Length", "/_actions/t.Ping", 2, 400, `shorter than its Content-Length`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := NewHandler(testActions(new(atomic.Int64)))
			r := httptest.NewRequest("POST", tc.path, nil)
			r.Header.Set("Content-Type", "application/json")
			r.Body, r.ContentLength = http.NoBody, tc.length
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tc.status || !regexp.MustCompile(tc.want).MatchString(w.Body.String()) {
				t.Errorf("got %d %s, want %d and a body matching %s", w.Code, w.Body, tc.status, tc.want)
			}
		})
	}
}

func TestMaxDepth(t *testing.T) {
	h, err := New(Options{MaxDepth: 3}, testActions(new(atomic.Int64)))
	if err != nil {
		t.Fatal(err)
	}
	if res := serve(h, "POST", "/_actions/t.Any", `[[[{"a":1}]]]`, nil); res.status != 200 {
		t.Errorf("depth 3: %d %s", res.status, res.body)
	}
	res := serve(h, "POST", "/_actions/t.Any", `[[[[[1]]]]]`, nil)
	if e := decodeError(t, res.body); res.status != 400 || e.Message != "argument v: nested deeper than 3 at /0/0/0" {
		t.Errorf("depth 4: %d %s", res.status, res.body)
	}
	// A type that bounds the depth is not walked for it: its own shape
	// refuses what nests deeper.
	if res := serve(h, "POST", "/_actions/t.Add", `[{"sku":"a"},[[[[1]]]]]`, nil); res.status != 400 || !strings.Contains(res.body, "argument n: want an integer") {
		t.Errorf("bounded type: %d %s", res.status, res.body)
	}
}

// TestErrors proves what reaches the client of an action's error, and what
// reaches the log.
func TestErrors(t *testing.T) {
	tests := []struct {
		which   string
		status  int
		code    Code
		message string
		details string
		logged  bool
	}{
		{"notfound", 404, CodeNotFound, `no item "x"`, ``, false},
		{"typednil", 500, CodeInternal, internalMessage, ``, true},
		{"wrapped", 409, CodeAborted, `try again`, `{"retry":2}`, false},
		{"deadline", 504, CodeDeadlineExceeded, `the call ran out of time`, ``, true},
		{"plain", 500, CodeInternal, internalMessage, ``, true},
		{"internal", 500, CodeInternal, internalMessage, ``, true},
		{"panic", 500, CodeInternal, internalMessage, ``, true},
		{"unencodable", 500, CodeInternal, internalMessage, ``, true},
	}
	for _, tc := range tests {
		t.Run(tc.which, func(t *testing.T) {
			var log bytes.Buffer
			h, err := New(Options{Logger: slog.New(slog.NewJSONHandler(&log, nil))}, testActions(new(atomic.Int64)))
			if err != nil {
				t.Fatal(err)
			}
			res := serve(h, "POST", "/_actions/t.Fail", `["`+tc.which+`"]`, nil)
			e := decodeError(t, res.body)
			if res.status != tc.status || e.Code != tc.code || e.Message != tc.message || string(e.Details) != tc.details {
				t.Errorf("got %d %s, want %d %s %q details %s", res.status, res.body, tc.status, tc.code, tc.message, tc.details)
			}
			if strings.Contains(res.body, "secret") || strings.Contains(res.body, "goroutine") {
				t.Errorf("the response leaks: %s", res.body)
			}
			checkHeaders(t, res.header)
			if !tc.logged {
				if e.ID != "" || log.Len() != 0 {
					t.Errorf("id %q, log %s; want neither", e.ID, log.String())
				}
				return
			}
			if tc.code != CodeInternal {
				// Logged as news, but the client's error says what it is.
				if e.ID != "" || !strings.Contains(log.String(), `"error":"query: context deadline exceeded"`) {
					t.Errorf("id %q, log %s; want a log line with the error and no id", e.ID, log.String())
				}
				return
			}
			var line struct {
				Msg, Action, Error_ID, Error, Stack string
			}
			if err := json.Unmarshal(log.Bytes(), &line); err != nil {
				t.Fatalf("log %q: %v", log.String(), err)
			}
			if e.ID == "" || line.Error_ID != e.ID || line.Action != "t.Fail" || !strings.Contains(line.Error, "secret") && tc.which != "unencodable" && tc.which != "typednil" {
				t.Errorf("log %s does not match response %s", log.String(), res.body)
			}
			if (tc.which == "panic") != strings.Contains(line.Stack, "goroutine") {
				t.Errorf("stack in log: %q", line.Stack)
			}
		})
	}
}

func TestErrAbortHandlerRepanics(t *testing.T) {
	h := NewHandler([]Action{{ID: "a.Abort", Call: func(ctx context.Context, args []any) (any, error) {
		panic(http.ErrAbortHandler)
	}}})
	defer func() {
		if p := recover(); p != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", p)
		}
	}()
	serve(h, "POST", "/_actions/a.Abort", `[]`, nil)
	t.Error("ServeHTTP returned")
}

func TestOnError(t *testing.T) {
	var seen []string
	h, err := New(Options{Logger: slog.New(slog.DiscardHandler), OnError: func(r *http.Request, id string, err error) error {
		seen = append(seen, id+": "+err.Error())
		if err.Error() == "secret database password" {
			return Errorf(CodeUnavailable, "database down")
		}
		return err
	}}, testActions(new(atomic.Int64)))
	if err != nil {
		t.Fatal(err)
	}
	res := serve(h, "POST", "/_actions/t.Fail", `["plain"]`, nil)
	if want := `{"code":"unavailable","message":"database down"}`; res.status != 503 || res.body != want {
		t.Errorf("translated: %d %s, want 503 %s", res.status, res.body, want)
	}
	res = serve(h, "POST", "/_actions/t.Fail", `["panic"]`, nil)
	if res.status != 500 {
		t.Errorf("panic: %d %s", res.status, res.body)
	}
	res = serve(h, "GET", "/_actions/t.Ping", ``, nil)
	if res.status != 405 {
		t.Errorf("observed 405 became %d", res.status)
	}
	want := []string{
		"t.Fail: secret database password",
		"t.Fail: panic: secret panic value",
		"t.Ping: invalid_argument: method GET is not allowed, only POST",
	}
	if strings.Join(seen, "\n") != strings.Join(want, "\n") {
		t.Errorf("hook saw\n%s\nwant\n%s", strings.Join(seen, "\n"), strings.Join(want, "\n"))
	}
}

func TestTimeoutHeader(t *testing.T) {
	h, err := New(Options{MaxTimeout: 50 * time.Millisecond}, testActions(new(atomic.Int64)))
	if err != nil {
		t.Fatal(err)
	}
	for _, ms := range []string{"20", "3600000"} { // the second is capped
		start := time.Now()
		res := serve(h, "POST", "/_actions/t.Wait", `[]`, map[string]string{TimeoutHeader: ms})
		if res.status != 504 || decodeError(t, res.body).Code != CodeDeadlineExceeded {
			t.Errorf("%s ms: %d %s, want 504 deadline_exceeded", ms, res.status, res.body)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s ms: took %v", ms, d)
		}
	}
	if res := serve(h, "POST", "/_actions/t.Wait", `[]`, nil); res.status != 412 {
		t.Errorf("without the header: %d %s, want no deadline (412)", res.status, res.body)
	}
}

func TestNewRefusesDuplicates(t *testing.T) {
	a := []Action{{ID: "x.F", Call: func(context.Context, []any) (any, error) { return nil, nil }}}
	if _, err := New(Options{}, a, a); err == nil || err.Error() != `actions: two actions have the ID "x.F"` {
		t.Errorf("New: %v", err)
	}
	defer func() {
		if p := fmt.Sprint(recover()); p != `actions: two actions have the ID "x.F"` {
			t.Errorf("NewHandler panicked with %q", p)
		}
	}()
	NewHandler(a, a)
	t.Error("NewHandler did not panic")
}

func TestNewRefusesBadOptions(t *testing.T) {
	if _, err := New(Options{AllowedOrigins: []string{"not an origin"}}); err == nil {
		t.Error("a malformed allowed origin was accepted")
	}
	if _, err := New(Options{}, []Action{{ID: "x.F"}}); err == nil {
		t.Error("an action without Call was accepted")
	}
}

func TestPrefix(t *testing.T) {
	h, err := New(Options{Prefix: "/rpc/"}, testActions(new(atomic.Int64)))
	if err != nil {
		t.Fatal(err)
	}
	if res := serve(h, "POST", "/rpc/t.Ping", `[]`, nil); res.status != 204 {
		t.Errorf("/rpc/t.Ping: %d %s", res.status, res.body)
	}
	if res := serve(h, "POST", "/_actions/t.Ping", `[]`, nil); res.status != 404 {
		t.Errorf("/_actions/t.Ping: %d %s", res.status, res.body)
	}
}

// raceNode is a recursive type, decoded by several calls at once.
type raceNode struct {
	Name string               `json:"name"`
	Kids []raceNode           `json:"kids"`
	ByID map[string]*raceNode `json:"byID"`
}

func TestDecodeConcurrent(t *testing.T) {
	h := NewHandler([]Action{{ID: "r.Tree", Params: []Parameter{Param[[]raceNode]("nodes")}, Returns: true,
		Call: func(ctx context.Context, args []any) (any, error) {
			return *args[0].(*[]raceNode), nil
		}}})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			body, want := `[[{"kids":[{"name":"a"}],"byID":{"x":{"name":"b"}}}]]`, 200
			if i%2 == 1 {
				body, want = `[[{"kids":[{"Name":"a"}]}]]`, 400
			}
			if res := serve(h, "POST", "/_actions/r.Tree", body, nil); res.status != want {
				t.Errorf("%s: %d %s", body, res.status, res.body)
			}
		})
	}
	wg.Wait()
}

// uncomparableError cannot be compared with ==.
type uncomparableError struct{ parts []string }

func (e uncomparableError) Error() string { return strings.Join(e.parts, " ") }

func TestOnErrorKeepsOrTranslates(t *testing.T) {
	tests := []struct {
		name   string
		hook   func(error) error
		path   string
		body   string
		status int
		code   Code
	}{
		{"same uncomparable error", func(err error) error { return err }, "/_actions/u.Fail", `[]`, 500, CodeInternal},
		{"nil keeps the error", func(err error) error { return nil }, "/_actions/u.Fail", `[]`, 500, CodeInternal},
		{"an *Error wins over a wrapped deadline", func(err error) error {
			return fmt.Errorf("%w: %w", Errorf(CodeUnavailable, "busy"), context.DeadlineExceeded)
		}, "/_actions/u.Fail", `[]`, 503, CodeUnavailable},
		{"refusal kept keeps its status", func(err error) error { return err }, "/_actions/u.Fail", `[1]`, 400, CodeInvalidArgument},
		{"translated refusal takes its code's status", func(err error) error {
			return Errorf(CodeUnauthenticated, "log in")
		}, "/_actions/u.Fail", `[1]`, 401, CodeUnauthenticated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, err := New(Options{
				Logger:  slog.New(slog.DiscardHandler),
				OnError: func(r *http.Request, id string, err error) error { return tc.hook(err) },
			}, []Action{{ID: "u.Fail", Call: func(context.Context, []any) (any, error) {
				return nil, uncomparableError{[]string{"a", "b"}}
			}}})
			if err != nil {
				t.Fatal(err)
			}
			res := serve(h, "POST", tc.path, tc.body, nil)
			if e := decodeError(t, res.body); res.status != tc.status || e.Code != tc.code {
				t.Errorf("got %d %s, want %d %s", res.status, res.body, tc.status, tc.code)
			}
		})
	}
	h, _ := New(Options{OnError: func(r *http.Request, id string, err error) error { return err }}, testActions(new(atomic.Int64)))
	if res := serve(h, "PUT", "/_actions/t.Ping", `[]`, nil); res.status != 405 {
		t.Errorf("a 405 the hook returned unchanged became %d", res.status)
	}
}
