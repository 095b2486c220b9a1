package actions

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The benchmarks compare the handler serving glue as the generator writes
// it with a hand-written net/http handler that decodes the same wire format
// with encoding/json, calls the same function and encodes its result.
//
//	go test -run '^$' -bench . -benchmem -count 10 . | benchstat -col /handler -

type benchItem struct {
	SKU   string   `json:"sku"`
	Qty   int      `json:"qty"`
	Price float64  `json:"price"`
	Tags  []string `json:"tags"`
}

func addToCart(ctx context.Context, it benchItem, n int) (benchItem, error) {
	it.Qty += n
	return it, nil
}

// benchActions is what the generator writes for addToCart.
var benchActions = []Action{{
	ID:      "cart.AddToCart",
	Params:  []Parameter{Param[benchItem]("item"), Param[int]("n")},
	Returns: true,
	Call: func(ctx context.Context, args []any) (any, error) {
		result, err := addToCart(ctx, *args[0].(*benchItem), *args[1].(*int))
		return &result, err
	},
}}

// handWritten is the handler a careful person would write without the
// generator, for the same wire format.
func handWritten(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	var args []json.RawMessage
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&args); err != nil || len(args) != 2 {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var item benchItem
	var n int
	if json.Unmarshal(args[0], &item) != nil || json.Unmarshal(args[1], &n) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	result, err := addToCart(r.Context(), item, n)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(result)
}

// handWrittenLean reads the body in one go and spares the Decoder and
// Encoder: the leanest plain encoding/json version.
func handWrittenLean(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var args [2]json.RawMessage
	var item benchItem
	var n int
	if json.Unmarshal(body, &args) != nil || json.Unmarshal(args[0], &item) != nil || json.Unmarshal(args[1], &n) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	result, err := addToCart(r.Context(), item, n)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	out, err := json.Marshal(result)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(out)
}

var benchBody = []byte(`[{"sku":"tea-green-100g","qty":2,"price":4.5,"tags":["organic","loose"]},3]`)

// discardWriter is a ResponseWriter that keeps only the status.
type discardWriter struct {
	header http.Header
	status int
}

func (d *discardWriter) Header() http.Header         { return d.header }
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d *discardWriter) WriteHeader(status int)      { d.status = status }

func benchHandler(b *testing.B, h http.Handler) {
	r := httptest.NewRequest("POST", "/_actions/cart.AddToCart", nil)
	r.Header.Set("Content-Type", "application/json")
	body := bytes.NewReader(benchBody)
	r.Body = io.NopCloser(body)
	r.ContentLength = int64(len(benchBody))
	b.SetBytes(int64(len(benchBody)))
	serveLoop(b, h, r, func() { body.Reset(benchBody) })
}

// serveLoop serves r with h once per iteration, calling reset first so the
// request's body can be read again, and fails on a status other than 200.
func serveLoop(b *testing.B, h http.Handler, r *http.Request, reset func()) {
	w := &discardWriter{header: make(http.Header)}
	b.ReportAllocs()
	for b.Loop() {
		reset()
		clear(w.header)
		w.status = 0
		h.ServeHTTP(w, r)
		if w.status != http.StatusOK && w.status != 0 {
			b.Fatalf("status %d", w.status)
		}
	}
}

func BenchmarkCall(b *testing.B) {
	b.Run("handler=generated", func(b *testing.B) { benchHandler(b, NewHandler(benchActions)) })
	b.Run("handler=handwritten", func(b *testing.B) { benchHandler(b, http.HandlerFunc(handWritten)) })
	b.Run("handler=handwritten-lean", func(b *testing.B) { benchHandler(b, http.HandlerFunc(handWrittenLean)) })
}

// greetActions is what the generator writes for a function of no argument
// returning a string: the small payload, where the handler's fixed costs
// show.
var greetActions = []Action{{
	ID:      "app.Greet",
	Returns: true,
	Call: func(ctx context.Context, args []any) (any, error) {
		result, err := greet(ctx)
		if err != nil {
			return nil, err
		}
		return result, nil
	},
}}

func greet(ctx context.Context) (string, error) { return "hello, world", nil }

// handWrittenSmall is handWrittenLean for greet.
func handWrittenSmall(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if _, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20)); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	result, err := greet(r.Context())
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	out, err := json.Marshal(result)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(out)
}

func benchSmall(b *testing.B, h http.Handler) {
	r := httptest.NewRequest("POST", "/_actions/app.Greet", nil)
	r.Header.Set("Content-Type", "application/json")
	r.Body = http.NoBody
	serveLoop(b, h, r, func() {})
}

func BenchmarkCallSmall(b *testing.B) {
	b.Run("handler=generated", func(b *testing.B) { benchSmall(b, NewHandler(greetActions)) })
	b.Run("handler=handwritten-lean", func(b *testing.B) { benchSmall(b, http.HandlerFunc(handWrittenSmall)) })
}

// noop is the least an interceptor can be.
func noop(next Invoker) Invoker { return next }

// passThrough is an interceptor that calls next from a closure of its own,
// as real interceptors do.
func passThrough(next Invoker) Invoker {
	return func(ctx context.Context, call *Call) (any, error) { return next(ctx, call) }
}

// BenchmarkInterceptor measures what interceptors cost a call of the medium
// payload: none (the handler calls the action directly), one that returns
// next itself, and one that wraps it: go test -run '^$' -bench Interceptor
// -benchmem -count 10, then benchstat -col /interceptors.
func BenchmarkInterceptor(b *testing.B) {
	for _, tc := range []struct {
		name string
		ics  []Interceptor
	}{{"none", nil}, {"noop", []Interceptor{noop}}, {"wrapping", []Interceptor{passThrough}}} {
		b.Run("interceptors="+tc.name, func(b *testing.B) {
			h, err := New(Options{Interceptors: tc.ics}, benchActions)
			if err != nil {
				b.Fatal(err)
			}
			benchHandler(b, h)
		})
	}
}

// BenchmarkInvoke measures what BenchmarkInterceptor compares without the
// request around it, which varies more on a busy machine than an
// interceptor costs: from the decoded arguments to the action's result,
// directly (none) or through the Call and one interceptor.
func BenchmarkInvoke(b *testing.B) {
	r := httptest.NewRequest("POST", "/_actions/cart.AddToCart", nil)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		ics  []Interceptor
	}{{"none", nil}, {"noop", []Interceptor{noop}}, {"wrapping", []Interceptor{passThrough}}} {
		b.Run("interceptors="+tc.name, func(b *testing.B) {
			h, err := New(Options{Interceptors: tc.ics}, benchActions)
			if err != nil {
				b.Fatal(err)
			}
			s := h.actions["cart.AddToCart"]
			item, n := benchItem{SKU: "tea-green-100g", Qty: 2, Price: 4.5, Tags: []string{"organic", "loose"}}, 3
			args := []any{&item, &n}
			var call Call // the handler's is in its pooled call state
			b.ReportAllocs()
			for b.Loop() {
				if s.invoke == nil {
					_, err = s.Call(ctx, args)
				} else {
					_, err = s.intercepted(ctx, r, args, &call)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
