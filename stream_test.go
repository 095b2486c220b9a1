package actions_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/actionsgo/actions"
)

type tick struct {
	N int `json:"n"`
}

// streamProbe records what the stream actions saw end.
type streamProbe struct {
	cleanups atomic.Int64
	canceled chan time.Time // when a Wait stream's context ended
}

func streamActions(p *streamProbe) []actions.Action {
	return []actions.Action{
		{ID: "s.Count", Params: []actions.Parameter{actions.Param[int]("n")}, Returns: true, Stream: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				n := *args[0].(*int)
				return actions.Stream(func(yield func(tick) bool) {
					defer p.cleanups.Add(1)
					for i := range n {
						if !yield(tick{i}) {
							return
						}
					}
				}), nil
			}},
		{ID: "s.Fail", Params: []actions.Parameter{actions.Param[string]("how")}, Returns: true, Stream: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				how := *args[0].(*string)
				if how == "before" {
					return nil, actions.Errorf(actions.CodeNotFound, "no such feed")
				}
				var seq iter.Seq2[tick, error] = func(yield func(tick, error) bool) {
					for i := range 3 {
						if !yield(tick{i}, nil) {
							return
						}
					}
					if how == "internal" {
						yield(tick{}, errors.New("secret database text"))
						return
					}
					yield(tick{}, actions.Errorf(actions.CodeUnavailable, "feed closed"))
				}
				return actions.Stream2(seq), nil
			}},
		{ID: "s.Wait", Returns: true, Stream: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				return actions.Stream(func(yield func(tick) bool) {
					defer p.cleanups.Add(1)
					if !yield(tick{0}) {
						return
					}
					<-ctx.Done()
					p.canceled <- time.Now()
				}), nil
			}},
		{ID: "s.Idle", Returns: true, Stream: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				return actions.Stream(func(yield func(tick) bool) {
					select {
					case <-time.After(300 * time.Millisecond):
					case <-ctx.Done():
						return
					}
					yield(tick{1})
				}), nil
			}},
	}
}

// event is one Server-Sent Event of a stream.
type event struct{ name, data string }

// readEvents reads the events of a stream's body, keep-alive comments as
// events named ":".
func readEvents(t *testing.T, body io.Reader) []event {
	t.Helper()
	var events []event
	var cur event
	sc := bufio.NewScanner(body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur != (event{}) {
				events = append(events, cur)
			}
			cur = event{}
		case strings.HasPrefix(line, ":"):
			cur.name = ":"
		case strings.HasPrefix(line, "event: "):
			cur.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			cur.data = strings.TrimPrefix(line, "data: ")
		default:
			t.Fatalf("a line that is not of the framing: %q", line)
		}
	}
	if cur != (event{}) {
		t.Fatalf("the body ends inside an event: %+v", cur)
	}
	return events
}

func startStream(t *testing.T, srv *httptest.Server, id, body string) *http.Response {
	t.Helper()
	res, err := http.Post(srv.URL+"/_actions/"+id, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestStream(t *testing.T) {
	p := &streamProbe{canceled: make(chan time.Time, 1)}
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler), StreamKeepAlive: 50 * time.Millisecond}, streamActions(p))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	t.Run("order and completeness", func(t *testing.T) {
		res := startStream(t, srv, "s.Count", `[10000]`)
		defer res.Body.Close()
		if ct := res.Header.Get("Content-Type"); res.StatusCode != 200 || ct != "text/event-stream; charset=utf-8" || res.Header.Get("X-Accel-Buffering") != "no" {
			t.Fatalf("%d %s %v", res.StatusCode, ct, res.Header)
		}
		events := readEvents(t, res.Body)
		if len(events) != 10001 {
			t.Fatalf("%d events, want 10000 items and the end", len(events))
		}
		for i, e := range events[:10000] {
			if want := fmt.Sprintf(`{"n":%d}`, i); e.name != "item" || e.data != want {
				t.Fatalf("event %d: %+v, want item %s", i, e, want)
			}
		}
		if last := events[10000]; last != (event{"end", "{}"}) {
			t.Errorf("last event %+v, want the end", last)
		}
	})

	t.Run("errors", func(t *testing.T) {
		res := startStream(t, srv, "s.Fail", `["before"]`)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 404 || !strings.Contains(string(body), `"code":"not_found"`) {
			t.Errorf("an error before the first item: %d %s, want an ordinary error response", res.StatusCode, body)
		}
		for how, want := range map[string]string{
			"after":    `{"code":"unavailable","message":"feed closed"}`,
			"internal": `{"code":"internal","message":"internal error","id":"`,
		} {
			res := startStream(t, srv, "s.Fail", `["`+how+`"]`)
			events := readEvents(t, res.Body)
			res.Body.Close()
			if len(events) != 4 || events[2] != (event{"item", `{"n":2}`}) || events[3].name != "error" || !strings.HasPrefix(events[3].data, want) {
				t.Errorf("%s: events %+v, want 3 items then an error %s", how, events, want)
			}
			if strings.Contains(events[len(events)-1].data, "secret") {
				t.Errorf("an internal error's text reached the client")
			}
		}
	})

	t.Run("keep-alive", func(t *testing.T) {
		res := startStream(t, srv, "s.Idle", `[]`)
		events := readEvents(t, res.Body)
		res.Body.Close()
		alive := 0
		for _, e := range events {
			if e.name == ":" {
				alive++
			}
		}
		if alive == 0 || events[len(events)-1].name != "end" {
			t.Errorf("events of an idle stream: %+v, want keep-alives, the item and the end", events)
		}
	})

	t.Run("client leaves", func(t *testing.T) {
		before := p.cleanups.Load()
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/_actions/s.Wait", strings.NewReader(`[]`))
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		br := bufio.NewReader(res.Body)
		if line, _ := br.ReadString('\n'); line != "event: item\n" {
			t.Fatalf("first line %q", line)
		}
		left := time.Now()
		cancel()
		res.Body.Close()
		select {
		case at := <-p.canceled:
			t.Logf("the action's context ended %v after the client left", at.Sub(left))
		case <-time.After(10 * time.Second):
			t.Fatal("the action's context did not end after the client left")
		}
		waitFor(t, func() bool { return p.cleanups.Load() == before+1 }, "the iterator's cleanup")
	})

	t.Run("no goroutine growth after aborted streams", func(t *testing.T) {
		runtime.GC()
		start := runtime.NumGoroutine()
		for range 1000 {
			ctx, cancel := context.WithCancel(context.Background())
			req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/_actions/s.Wait", strings.NewReader(`[]`))
			req.Header.Set("Content-Type", "application/json")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			bufio.NewReader(res.Body).ReadString('\n')
			cancel()
			res.Body.Close()
			<-p.canceled
		}
		http.DefaultClient.CloseIdleConnections()
		waitFor(t, func() bool { return runtime.NumGoroutine() <= start+5 }, fmt.Sprintf("goroutines back near %d", start))
	})
}

func TestStreamDuration(t *testing.T) {
	p := &streamProbe{canceled: make(chan time.Time, 1)}
	h, err := actions.New(actions.Options{MaxStreamDuration: 100 * time.Millisecond}, streamActions(p))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	res := startStream(t, srv, "s.Wait", `[]`)
	events := readEvents(t, res.Body)
	res.Body.Close()
	if n := len(events); n != 2 || events[1].name != "error" || !strings.Contains(events[1].data, `"code":"deadline_exceeded"`) {
		t.Errorf("events %+v, want the item then deadline_exceeded", events)
	}
}

// waitFor polls cond until it holds, failing after a generous while.
func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
