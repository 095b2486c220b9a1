// Package server serves the shop: the page, its script bundled from
// TypeScript at start-up, and the actions, bound to the services that keep
// the shop's state in its database.
package server

import (
	"cmp"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/account"
	"github.com/actionsgo/actions/example/cart"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/orders"
)

// Config says where the frontend and the data are, and how to serve the
// actions.
type Config struct {
	// Web is the frontend's directory, holding index.html and src/main.ts.
	Web string
	// DB is the shop's database, as shopdb.Open returns it, with the
	// products that catalog.Seed put there.
	DB *sql.DB
	// Logger gets a line for every call (LogCalls), and the runtime's
	// internal errors unless Actions.Logger says otherwise. Default
	// slog.Default().
	Logger *slog.Logger
	// Actions configures the actions' handler; the zero value is the
	// runtime's secure default. Its Interceptors run inside LogCalls.
	Actions actions.Options
}

// New bundles the frontend (src/main.ts, with the React component it
// mounts, and src/style.css), parses the pages' templates (index.html and
// order.html) and returns the shop's handler. It fails when the frontend
// does not build, with esbuild's messages.
func New(cfg Config) (http.Handler, error) {
	if cfg.DB == nil {
		return nil, errors.New("server.New: no database in Config.DB")
	}
	src := filepath.Join(cfg.Web, "src")
	assets, err := bundle(filepath.Join(src, "main.ts"), filepath.Join(src, "style.css"))
	if err != nil {
		return nil, err
	}
	home, order, err := parsePages(cfg.Web)
	if err != nil {
		return nil, err
	}
	p, err := handler(cfg)
	if err != nil {
		return nil, err
	}
	p.home, p.order = home, order

	mux := http.NewServeMux()
	mux.Handle(actions.DefaultPrefix, p.calls)
	mux.HandleFunc("GET /{$}", p.serveHome)
	mux.HandleFunc("GET /orders/{id}", p.serveOrder)
	mux.HandleFunc("GET /orders/{id}/receipt", p.serveReceipt)
	mux.HandleFunc("GET /assets/{name}", func(w http.ResponseWriter, r *http.Request) {
		content, ok := assets[r.PathValue("name")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		serve(w, assetTypes[path.Ext(r.URL.Path)], content)
	})
	return mux, nil
}

// handler makes the stores and serves their actions: each service's,
// bound to its store, and the orders' only to a signed-in customer. The
// pages it returns read the same stores.
func handler(cfg Config) (*pages, error) {
	products := catalog.NewStore(cfg.DB)
	carts := cart.NewStore(cfg.DB)
	accounts := account.NewStore(cfg.DB)
	book := orders.NewStore(cfg.DB)

	logger := cmp.Or(cfg.Logger, slog.Default())
	opts := cfg.Actions
	opts.Logger = cmp.Or(opts.Logger, logger)
	opts.Interceptors = slices.Concat([]actions.Interceptor{LogCalls(logger)}, opts.Interceptors)
	calls, err := actions.New(opts,
		catalog.StoreActions(products),
		cart.StoreActions(carts),
		account.StoreActions(accounts),
		orders.Actions(), // CheckDelivery: anyone may ask
		actions.Intercept(orders.StoreActions(book), accounts.RequireSession),
	)
	if err != nil {
		return nil, err
	}
	return &pages{calls: calls, db: cfg.DB, products: products, accounts: accounts, book: book, logger: logger}, nil
}

// assetTypes are the content types of the files bundle makes.
var assetTypes = map[string]string{
	".js":  "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".map": "application/json",
}

// serve writes a page or an asset. The bundle is made anew at each start,
// so the browser asks again each time (no-cache) rather than keep a stale
// one.
func serve(w http.ResponseWriter, contentType string, content []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	// The page runs only its own script and talks only to its own server.
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
	w.Write(content)
}

// bundle builds each entry point, with the modules a script imports, into
// one file of the same base name: main.ts becomes main.js. esbuild runs in
// process, so no Node step is needed to run the shop. It returns the output
// files (with source maps) by base name.
func bundle(entries ...string) (map[string][]byte, error) {
	result := api.Build(api.BuildOptions{
		EntryPoints: entries,
		Bundle:      true,
		Outdir:      "assets",
		Format:      api.FormatESModule,
		Target:      api.ES2022,
		Sourcemap:   api.SourceMapLinked,
		// The checkout is a React component (src/checkout.tsx): JSX
		// becomes calls of react/jsx-runtime, and React is built for
		// production, without its development checks.
		JSX:    api.JSXAutomatic,
		Define: map[string]string{"process.env.NODE_ENV": `"production"`},
		// Minified, React and all: the source map has the sources.
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		MinifyIdentifiers: true,
		Write:             false,
		LogLevel:          api.LogLevelSilent,
	})
	if len(result.Errors) > 0 {
		msgs := api.FormatMessages(result.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		hint := ""
		if strings.Contains(strings.Join(msgs, ""), `Could not resolve "react`) {
			hint = "React is not installed: run npm ci in web/ (make example does)\n"
		}
		return nil, fmt.Errorf("bundling the frontend:\n%s%s", strings.Join(msgs, ""), hint)
	}
	files := make(map[string][]byte, len(result.OutputFiles))
	for _, f := range result.OutputFiles {
		files[filepath.Base(f.Path)] = f.Contents
	}
	if files["main.js"] == nil {
		return nil, errors.New("bundling the frontend: esbuild wrote no main.js")
	}
	return files, nil
}
