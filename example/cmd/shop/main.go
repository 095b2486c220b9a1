// Command shop serves the example shop: go run ./cmd/shop from the example
// module, then open the address it prints.
//
// The shop keeps its products, carts, accounts and orders in an SQLite
// database, the file shop.db in the directory named by -data: $SHOP_DATA
// when set, else data/ in the directory it runs in. Remove the directory
// to start again with a full shelf.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/server"
	"github.com/actionsgo/actions/example/shopdb"
)

func main() {
	addr := flag.String("addr", ":8080", "listen on `host:port`")
	web := flag.String("web", "web", "the frontend's `directory`")
	data := flag.String("data", cmp.Or(os.Getenv("SHOP_DATA"), "data"), "keep the database in `directory` ($SHOP_DATA)")
	flag.Parse()
	log.SetFlags(0)
	if err := run(*addr, *web, *data); err != nil {
		log.Fatalf("shop: %v", err)
	}
}

func run(addr, web, data string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	// The tables are made at the first start, and the shelf filled.
	db, err := shopdb.Open(ctx, data)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := catalog.Seed(ctx, db); err != nil {
		return err
	}
	h, err := server.New(server.Config{Web: web, DB: db})
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w\nrun the shop from the example directory, or name the frontend's directory with -web", err)
	}
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if abs, err := filepath.Abs(filepath.Join(data, shopdb.File)); err == nil {
		fmt.Printf("The shop keeps its data in %s\n", abs)
	}
	fmt.Printf("The shop is open at %s\n", pageURL(l.Addr().(*net.TCPAddr)))

	// The actions handler bounds its own body reads and response writes
	// (a stream's, frame by frame); the server bounds the rest of a
	// connection's life, so no client can hold one open for ever. Every
	// request's context derives from base, which shutting down ends.
	base, endCalls := context.WithCancel(context.Background())
	defer endCalls()
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute, // longer than a call may run (actions.Options.MaxTimeout)
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// Calls in flight get a second to finish; then those still running are
	// ended through their context: streams above all (a page watching the
	// stock), which never finish by themselves. A second interrupt ends
	// the process at once.
	stop()
	fmt.Println("Closing the shop…")
	time.AfterFunc(time.Second, endCalls)
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

// pageURL is the address to open in a browser: localhost when the server
// listens on every interface.
func pageURL(a *net.TCPAddr) string {
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		host = "localhost"
	}
	return fmt.Sprintf("http://%s/", net.JoinHostPort(host, fmt.Sprint(a.Port)))
}
