package actions_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/actionsgo/actions"
)

// echoActions are one action that returns its string argument, and one that
// returns a result of n bytes.
func echoActions() []actions.Action {
	return []actions.Action{
		{ID: "h.Echo", Params: []actions.Parameter{actions.Param[string]("s")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) { return *args[0].(*string), nil }},
		{ID: "h.Upload", Params: []actions.Parameter{actions.Param[actions.File]("f")}, Files: true,
			Call: func(ctx context.Context, args []any) (any, error) { return nil, nil }},
		{ID: "h.Big", Params: []actions.Parameter{actions.Param[int]("n")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				return strings.Repeat("x", *args[0].(*int)), nil
			}},
	}
}

// TestBodyMemoryGrowsWithBytesReceived opens connections that each announce
// a body of the largest size and send none of it: the handler must hold
// memory for what it received, not for what was announced.
func TestBodyMemoryGrowsWithBytesReceived(t *testing.T) {
	const conns = 300
	h, err := actions.New(actions.Options{MaxConcurrent: 2 * conns, Logger: slog.New(slog.DiscardHandler)}, echoActions())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	runtime.GC()
	before := heapInuse()
	goroutines := runtime.NumGoroutine()
	var open []net.Conn
	defer func() {
		for _, c := range open {
			c.Close()
		}
	}()
	for range conns {
		c, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		open = append(open, c)
		fmt.Fprintf(c, "POST /_actions/h.Echo HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", actions.DefaultMaxBodyBytes)
	}
	// Each connection's handler is then waiting for its body.
	deadline := time.Now().Add(20 * time.Second)
	for runtime.NumGoroutine() < goroutines+conns && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	runtime.GC()
	grown := int64(heapInuse()) - int64(before)
	t.Logf("%d connections announcing %d bytes each, none sent: the heap grew by %.1f MiB", conns, actions.DefaultMaxBodyBytes, float64(grown)/(1<<20))
	// Announced, the bodies would take 300 MiB; a connection's own
	// buffers take a few KiB.
	if grown > 32<<20 {
		t.Errorf("the heap grew by %d bytes for bodies never sent", grown)
	}
}

// heapInuse returns the heap in use after collecting what it can.
func heapInuse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// TestStalledClient proves that a client that stops sending its body, or
// stops reading the response, loses its connection at the handler's
// deadlines.
func TestStalledClient(t *testing.T) {
	done := make(chan struct{}, 1)
	h, err := actions.New(actions.Options{
		ReadTimeout:  200 * time.Millisecond,
		WriteTimeout: 200 * time.Millisecond,
		Logger:       slog.New(slog.DiscardHandler),
	}, echoActions())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r)
		done <- struct{}{}
	}))
	defer srv.Close()

	t.Run("body", func(t *testing.T) {
		c, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		io.WriteString(c, "POST /_actions/h.Echo HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[\"ab")
		c.SetReadDeadline(time.Now().Add(20 * time.Second))
		res, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("no response before the connection closed: %v", err)
		}
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(body), `"code":"deadline_exceeded"`) {
			t.Errorf("got %d %s, want 408 deadline_exceeded", res.StatusCode, body)
		}
		<-done
	})

	t.Run("upload", func(t *testing.T) {
		c, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		// The args part, then a file part that never ends.
		io.WriteString(c, "POST /_actions/h.Upload HTTP/1.1\r\nHost: example.com\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n"+
			"--b\r\nContent-Disposition: form-data; name=\"args\"\r\n\r\n[\"file0\"]\r\n--b\r\nContent-Disposition: form-data; name=\"file0\"; filename=\"a\"\r\n\r\nxyz")
		c.SetReadDeadline(time.Now().Add(20 * time.Second))
		res, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("no response before the connection closed: %v", err)
		}
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(body), `"code":"deadline_exceeded"`) {
			t.Errorf("got %d %s, want 408 deadline_exceeded", res.StatusCode, body)
		}
		<-done
	})

	t.Run("response", func(t *testing.T) {
		c, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.(*net.TCPConn).SetReadBuffer(4 << 10)
		// A result far larger than the socket buffers, which the client
		// never reads.
		io.WriteString(c, "POST /_actions/h.Big HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n[67108864]")
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatal("the handler still writes to a client that reads nothing")
		}
	})
}

// TestMaxConcurrent proves that calls over the bound are refused at once,
// and that the bound frees as calls end.
func TestMaxConcurrent(t *testing.T) {
	release := make(chan struct{})
	var started sync.WaitGroup
	started.Add(2)
	h, err := actions.New(actions.Options{MaxConcurrent: 2}, []actions.Action{
		{ID: "c.Block", Call: func(ctx context.Context, args []any) (any, error) {
			started.Done()
			<-release
			return nil, nil
		}},
		{ID: "c.Ping", Call: func(ctx context.Context, args []any) (any, error) { return nil, nil }},
	})
	if err != nil {
		t.Fatal(err)
	}
	post := func(id string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/_actions/"+id, strings.NewReader(`[]`))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			if w := post("c.Block"); w.Code != 204 {
				t.Errorf("a call within the bound: %d %s", w.Code, w.Body)
			}
		})
	}
	started.Wait()
	if w := post("c.Ping"); w.Code != 429 || !strings.Contains(w.Body.String(), `"code":"resource_exhausted"`) {
		t.Errorf("a call over the bound: %d %s, want 429 resource_exhausted", w.Code, w.Body)
	}
	close(release)
	wg.Wait()
	if w := post("c.Ping"); w.Code != 204 {
		t.Errorf("a call once the others ended: %d %s", w.Code, w.Body)
	}
}

// TestOnErrorPanics proves that a panic in Options.OnError is recovered and
// logged like an action's, and the server goes on.
func TestOnErrorPanics(t *testing.T) {
	var log bytes.Buffer
	h, err := actions.New(actions.Options{
		Logger:  slog.New(slog.NewTextHandler(&log, nil)),
		OnError: func(r *http.Request, id string, err error) error { panic("hook broke") },
	}, echoActions())
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		r := httptest.NewRequest("POST", "/_actions/h.Echo", strings.NewReader(`[1]`))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 500 || !strings.Contains(w.Body.String(), `"code":"internal"`) || strings.Contains(w.Body.String(), "hook broke") {
			t.Errorf("got %d %s, want an internal error that does not tell the panic", w.Code, w.Body)
		}
	}
	if !strings.Contains(log.String(), "hook broke") || !strings.Contains(log.String(), "goroutine") {
		t.Errorf("the log does not have the panic and its stack: %s", log.String())
	}
}

// TestAllowedOriginsMustBeOrigins proves that New refuses an allowed origin
// that no browser sends, which would silently allow nothing.
func TestAllowedOriginsMustBeOrigins(t *testing.T) {
	for _, origin := range []string{
		"https://App.example.com", "HTTPS://app.example.com", "https://app.example.com:443",
		"http://app.example.com:80", "https://*.example.com", "*", "https://app.example.com/",
		"https://app.example.com/path", "app.example.com", "https://user@app.example.com",
	} {
		if _, err := actions.New(actions.Options{AllowedOrigins: []string{origin}}); err == nil {
			t.Errorf("New accepted the allowed origin %q", origin)
		}
	}
	for _, origin := range []string{"https://app.example.com", "https://app.example.com:8443", "http://localhost:5173", "http://[::1]:3000"} {
		if _, err := actions.New(actions.Options{AllowedOrigins: []string{origin}}); err != nil {
			t.Errorf("New refused the allowed origin %q: %v", origin, err)
		}
	}
}

// TestAllowedHosts proves that, when set, only the listed Host headers are
// served (DNS rebinding).
func TestAllowedHosts(t *testing.T) {
	h, err := actions.New(actions.Options{AllowedHosts: []string{"example.com", "127.0.0.1:8080", "[::1]"}}, echoActions())
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]int{
		"example.com": 200, "example.com:1234": 200, "EXAMPLE.com": 200, "127.0.0.1:8080": 200, "[::1]:9000": 200,
		"evil.example": 403, "127.0.0.1:9090": 403, "127.0.0.1": 403, "example.com.evil.example": 403, "": 403,
	} {
		r := httptest.NewRequest("POST", "/_actions/h.Echo", strings.NewReader(`["a"]`))
		r.Host = host
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %q: %d %s, want %d", host, w.Code, w.Body, want)
		}
	}
	if _, err := actions.New(actions.Options{AllowedHosts: []string{"https://example.com"}}); err == nil {
		t.Error("New accepted an allowed host with a scheme")
	}
}
