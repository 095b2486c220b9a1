package example_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/server"
)

// chromium is where the browser test expects the browser; make
// browser-deps installs it there.
const chromium = "/usr/bin/chromium"

// TestBrowser serves the shop and has web/e2e/shop.mjs use it in headless
// Chromium: add products, see the total, the typed error of an
// out-of-stock product, and a slow call cancelled. The screenshot it takes
// is kept, and its path logged (go test -v -run Browser shows it).
func TestBrowser(t *testing.T) {
	node, _ := needNode(t)
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("%s is missing: run make browser-deps (as root it runs apt-get install chromium)", chromium)
	}

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
	h, err := server.New(server.Config{Web: "web", Actions: actions.Options{OnError: onError}})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })

	// Not t.TempDir: the screenshot is worth looking at after the test.
	out, err := os.MkdirTemp("", "shop-browser-")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "web/e2e/shop.mjs", "http://"+l.Addr().String()+"/", out)
	output, err := cmd.CombinedOutput()
	t.Logf("node web/e2e/shop.mjs:\n%s", output)
	if err != nil {
		t.Fatalf("the browser run failed: %v", err)
	}
	if !strings.Contains(string(output), "screenshot: ") {
		t.Error("the browser run printed no screenshot path")
	}

	// The page shows the cancel at once; the server's side of it ends when
	// the action sees its context done, which may come a moment later.
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
}
