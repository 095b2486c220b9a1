//go:build load

package actions_test

// The load test runs only with the load build tag:
//
//	nice -n 10 go test -tags load -run TestLoad -v .

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/actionsgo/actions"
)

const (
	loadCalls       = 120_000
	loadConcurrency = 64
	loadWarmup      = 6_000
)

type loadItem struct {
	SKU string `json:"sku"`
	Qty int    `json:"qty"`
}

func loadActions() []actions.Action {
	return []actions.Action{
		{ID: "load.Add", Params: []actions.Parameter{actions.Param[loadItem]("item"), actions.Param[int]("n")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				it := args[0].(*loadItem)
				it.Qty += *args[1].(*int)
				return it, nil
			}},
		{ID: "load.Ping", Call: func(ctx context.Context, args []any) (any, error) {
			return nil, nil
		}},
		{ID: "load.Panic", Params: []actions.Parameter{actions.Param[string]("why")}, Call: func(ctx context.Context, args []any) (any, error) {
			panic(*args[0].(*string))
		}},
		{ID: "load.Conflict", Returns: true, Call: func(ctx context.Context, args []any) (any, error) {
			return nil, actions.Errorf(actions.CodeAlreadyExists, "exists")
		}},
	}
}

// loadRequest is one kind of request in the mix, with the status it must get.
type loadRequest struct {
	name, method, id, body string
	header                 map[string]string
	status                 int
}

var loadMix = []loadRequest{
	{"valid", "POST", "load.Add", `[{"sku":"a","qty":1},2]`, nil, 200},
	{"valid, no result", "POST", "load.Ping", `[]`, nil, 204},
	{"valid, same origin", "POST", "load.Add", `[{"sku":"a"},1]`, map[string]string{"Sec-Fetch-Site": "same-origin"}, 200},
	{"bad JSON", "POST", "load.Add", `[{"sku":"a",},2]`, nil, 400},
	{"case-variant key", "POST", "load.Add", `[{"SKU":"a"},2]`, nil, 400},
	{"duplicate key", "POST", "load.Add", `[{"sku":"a","sku":"b"},2]`, nil, 400},
	{"wrong count", "POST", "load.Add", `[{"sku":"a"}]`, nil, 400},
	{"panic", "POST", "load.Panic", `["boom"]`, nil, 500},
	{"error", "POST", "load.Conflict", ``, nil, 409},
	{"GET", "GET", "load.Ping", ``, nil, 405},
	{"cross-site", "POST", "load.Ping", `[]`, map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
	{"too large", "POST", "load.Add", `[{"sku":"` + strings.Repeat("x", 2048) + `"},1]`, nil, 413},
	{"form", "POST", "load.Ping", `a=1`, map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415},
	{"unknown", "POST", "load.Nope", `[]`, nil, 404},
}

func TestLoad(t *testing.T) {
	goroutinesBefore := runtime.NumGoroutine()
	h, err := actions.New(actions.Options{
		MaxBodyBytes: 1024,
		Logger:       slog.New(slog.NewJSONHandler(io.Discard, nil)),
	}, loadActions())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h) // listens on 127.0.0.1 only
	transport := &http.Transport{MaxIdleConnsPerHost: loadConcurrency}
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}

	var next atomic.Int64
	var unexpected atomic.Int64
	var mu sync.Mutex
	var firstUnexpected []string
	run := func(total int64) time.Duration {
		start := time.Now()
		next.Store(0)
		var wg sync.WaitGroup
		for range loadConcurrency {
			wg.Go(func() {
				for {
					i := next.Add(1) - 1
					if i >= total {
						return
					}
					req := loadMix[i%int64(len(loadMix))]
					if got, err := send(client, srv.URL, req); err != nil || got != req.status {
						unexpected.Add(1)
						mu.Lock()
						if len(firstUnexpected) < 5 {
							firstUnexpected = append(firstUnexpected, fmt.Sprintf("%s: %d, %v", req.name, got, err))
						}
						mu.Unlock()
					}
				}
			})
		}
		wg.Wait()
		return time.Since(start)
	}

	run(loadWarmup)
	heapBefore := heapInuse()
	elapsed := run(loadCalls)
	heapAfter := heapInuse()

	transport.CloseIdleConnections()
	srv.Close()
	goroutinesAfter := runtime.NumGoroutine()
	for deadline := time.Now().Add(5 * time.Second); goroutinesAfter > goroutinesBefore && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		goroutinesAfter = runtime.NumGoroutine()
	}

	t.Logf("%d calls (after %d warm-up) at concurrency %d in %v: %.0f calls/s", loadCalls, loadWarmup, loadConcurrency, elapsed.Round(time.Millisecond), float64(loadCalls)/elapsed.Seconds())
	t.Logf("unexpected statuses: %d %q", unexpected.Load(), firstUnexpected)
	t.Logf("goroutines: %d before, %d after", goroutinesBefore, goroutinesAfter)
	t.Logf("HeapInuse after GC: %.1f MiB after warm-up, %.1f MiB after the run", mib(heapBefore), mib(heapAfter))
	if unexpected.Load() != 0 {
		t.Errorf("%d unexpected statuses, first: %q", unexpected.Load(), firstUnexpected)
	}
	if goroutinesAfter > goroutinesBefore {
		t.Errorf("goroutine leak: %d before, %d after", goroutinesBefore, goroutinesAfter)
	}
	if heapAfter > heapBefore+8<<20 {
		t.Errorf("heap grew from %.1f to %.1f MiB", mib(heapBefore), mib(heapAfter))
	}
}

func send(client *http.Client, base string, lr loadRequest) (int, error) {
	req, err := http.NewRequest(lr.method, base+"/_actions/"+lr.id, bytes.NewReader([]byte(lr.body)))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range lr.header {
		req.Header.Set(k, v)
	}
	res, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, err
	}
	if res.StatusCode >= 300 && !bytes.HasPrefix(body, []byte(`{"code":"`)) {
		return res.StatusCode, fmt.Errorf("error body %q", body)
	}
	return res.StatusCode, nil
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }
