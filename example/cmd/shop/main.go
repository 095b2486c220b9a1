// Command shop serves the example shop: go run ./cmd/shop from the example
// module, then open the address it prints.
package main

import (
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
	"time"

	"github.com/actionsgo/actions/example/server"
)

func main() {
	addr := flag.String("addr", ":8080", "listen on `host:port`")
	web := flag.String("web", "web", "the frontend's `directory`")
	flag.Parse()
	log.SetFlags(0)
	if err := run(*addr, *web); err != nil {
		log.Fatalf("shop: %v", err)
	}
}

func run(addr, web string) error {
	h, err := server.New(server.Config{Web: web})
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
	fmt.Printf("The shop is open at %s\n", pageURL(l.Addr().(*net.TCPAddr)))

	// The actions handler bounds its own body reads and response writes;
	// the server bounds the rest of a connection's life, so no client can
	// hold one open for ever.
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute, // longer than a call may run (actions.Options.MaxTimeout)
		IdleTimeout:       2 * time.Minute,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// Give calls in flight a moment to finish; a second interrupt ends the
	// process at once.
	stop()
	fmt.Println("Closing the shop…")
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
