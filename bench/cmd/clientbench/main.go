// Command clientbench measures the generated TypeScript client next to its
// peers. It writes a synthetic module with a package of one action and a
// package of a hundred, runs the generator on it, and has esbuild bundle
// runtime.ts with one stub and with all hundred, and the peers' smallest
// clients (client/entries). Then it serves package app on 127.0.0.1 and
// times, in Node, a call through a generated stub against a bare fetch.
// Output lines are in the format of go test -bench.
//
// Run it from bench/ after npm ci.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/bench/app"
	"github.com/actionsgo/actions/bench/internal/benchenv"
	"github.com/actionsgo/actions/bench/internal/synth"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "clientbench:", err)
		os.Exit(1)
	}
}

func run() error {
	if _, err := os.Stat("node_modules/esbuild"); err != nil {
		return errors.New("node_modules/esbuild is missing: run npm ci in bench/ (make client does)")
	}
	root, err := benchenv.RepoRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "clientbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := sizes(root, tmp); err != nil {
		return err
	}
	return overhead()
}

// sizes generates the client of one and of a hundred actions and prints the
// bundle sizes of those and of the peers.
func sizes(root, tmp string) error {
	gen := filepath.Join(tmp, "gen")
	if err := benchenv.GoBuild(root, gen, "./cmd/gen"); err != nil {
		return err
	}
	mod := filepath.Join(tmp, "synth")
	if err := synth.Module(mod, root, map[string]int{"one": 1, "hundred": 100}); err != nil {
		return err
	}
	if err := runIn(mod, gen, "-ts", "web", "./..."); err != nil {
		return err
	}
	// Each entry exports configure (the analogue of the peers' base URL),
	// ActionError (to tell failures apart) and the stubs; export * keeps all
	// hundred through tree shaking.
	err := benchenv.WriteFiles(mod, map[string][]byte{
		"entry-one.ts":     []byte("export { ActionError, configure } from \"./web/runtime.js\";\nexport { getOrder } from \"./web/one.js\";\n"),
		"entry-hundred.ts": []byte("export { ActionError, configure } from \"./web/runtime.js\";\nexport * from \"./web/hundred.js\";\n"),
	})
	if err != nil {
		return err
	}
	return runIn(".", "node", "client/size.mjs",
		"actions-1stub="+filepath.Join(mod, "entry-one.ts"),
		"actions-100stubs="+filepath.Join(mod, "entry-hundred.ts"),
		"trpc=client/entries/trpc.ts",
		"openapi-fetch=client/entries/openapi-fetch.ts",
		"connect-web=client/entries/connect-web.ts",
	)
}

// overhead serves package app on 127.0.0.1 and runs client/overhead.mjs
// against it.
func overhead() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: actions.NewHandler(app.Actions())}
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())
	return runIn(".", "node", "client/overhead.mjs", "http://"+ln.Addr().String(), "client/app")
}

// runIn runs a command in dir with its output going to ours; on failure its
// standard error is in the error.
func runIn(dir, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = os.Stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %v: %v\n%s", name, args, err, stderr.Bytes())
	}
	return nil
}
