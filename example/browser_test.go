package example_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/internal/shoptest"
	"github.com/actionsgo/actions/example/server"
)

// chromium is where the browser test expects the browser; make
// browser-deps installs it there.
const chromium = "/usr/bin/chromium"

// TestBrowser serves the shop, each subtest with a database of its own,
// and has a script of web/e2e use it in headless Chromium:
//
//   - shop.mjs: add products, see the total, the typed error of an
//     out-of-stock product, a slow call cancelled, the orders refused
//     until signing in, an order placed, the stock streamed as another
//     customer buys, a reload that stays signed in, and signing out; the
//     screenshot it takes is kept, and its path logged (go test -v -run
//     Browser shows it);
//   - forms.mjs: the checkout's React component through useActionState
//     (field errors and the values refilled, pending, an error of the
//     action, success), a photo uploaded from a file input, and the
//     receipt downloaded and checked byte for byte;
//   - nojs.mjs: the shop with JavaScript disabled: forms posted to their
//     actions, the 303 back to a page that shows the outcome (the error,
//     the fields at fault and the values sent), and the order's page.
func TestBrowser(t *testing.T) {
	node, _ := needNode(t)
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("%s is missing: run make browser-deps (as root it runs apt-get install chromium)", chromium)
	}
	// Not t.TempDir: the screenshot is worth looking at after the test.
	out, err := os.MkdirTemp("", "shop-browser-")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("shop", func(t *testing.T) {
		// The server's errors, to check that the cancel reached the action.
		var mu sync.Mutex
		var failed []error
		onError := func(r *http.Request, actionID string, err error) error {
			mu.Lock()
			defer mu.Unlock()
			if actionID == "orders.CheckDelivery" {
				failed = append(failed, err)
			}
			return err
		}
		s := serveShop(t, actions.Options{OnError: onError})
		output := s.run(t, node, "web/e2e/shop.mjs", out)
		if !strings.Contains(output, "screenshot: ") {
			t.Error("the browser run printed no screenshot path")
		}

		// The page shows the cancel at once; the server's side of it ends
		// when the action sees its context done, which may come a moment
		// later.
		deadline := time.Now().Add(5 * time.Second)
		for {
			mu.Lock()
			canceled := len(failed) == 1 && errors.Is(failed[0], context.Canceled)
			got := failed
			mu.Unlock()
			if canceled {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("errors of orders.CheckDelivery on the server: %v; want one, context.Canceled", got)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	t.Run("forms", func(t *testing.T) {
		serveShop(t, actions.Options{}).run(t, node, "web/e2e/forms.mjs", out)
	})
	t.Run("no JavaScript", func(t *testing.T) {
		serveShop(t, actions.Options{}).run(t, node, "web/e2e/nojs.mjs", out)
	})
}

// shop is the shop served for a browser test.
type shop struct {
	url string
	log shoptest.Log
}

// serveShop serves the shop with a database of its own on a free port
// until the test ends, its actions configured by opts.
func serveShop(t *testing.T, opts actions.Options) *shop {
	t.Helper()
	db := shoptest.DB(t)
	if err := catalog.Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	s := &shop{}
	var streams streamCount
	opts.Interceptors = append(opts.Interceptors, streams.count)
	h, err := server.New(server.Config{
		Web:     "web",
		DB:      db,
		Logger:  slog.New(slog.NewTextHandler(&s.log, nil)),
		Actions: opts,
	})
	if err != nil {
		t.Fatal(err)
	}
	// The scripts ask how many streams the server has open, to see that
	// a page's stream ends when the page goes away.
	mux := http.NewServeMux()
	mux.Handle("/", h)
	mux.HandleFunc("GET /_test/streams", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"open":%d}`, streams.open.Load())
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	s.url = "http://" + l.Addr().String() + "/"
	return s
}

// run runs a browser script against the shop, with the directory for its
// files, and returns what it printed; it fails the test if the script
// fails.
func (s *shop) run(t *testing.T, node, script, out string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	output, err := exec.CommandContext(ctx, node, script, s.url, out).CombinedOutput()
	t.Logf("node %s:\n%s", script, output)
	t.Logf("the server's log:\n%s", s.log.String())
	if err != nil {
		t.Fatalf("the browser run failed: %v", err)
	}
	return string(output)
}

// streamCount is an interceptor that counts the streams being sent.
type streamCount struct {
	open atomic.Int64
}

func (c *streamCount) count(next actions.Invoker) actions.Invoker {
	return func(ctx context.Context, call *actions.Call) (any, error) {
		result, err := next(ctx, call)
		seq, ok := result.(iter.Seq2[any, error])
		if !ok {
			return result, err
		}
		return iter.Seq2[any, error](func(yield func(any, error) bool) {
			c.open.Add(1)
			defer c.open.Add(-1)
			for item, err := range seq {
				if !yield(item, err) {
					return
				}
			}
		}), nil
	}
}
