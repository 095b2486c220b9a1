package tsemit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/emit/go/testdata/glue"
	"github.com/actionsgo/actions/model"
)

// The live package: streams and a read, declared by hand, served by
// liveActions as the Go glue would serve them. The tests of streams and
// reads run its generated client, and the glue corpus's, against a real
// handler.

const (
	livePath = "example.com/live"
	gluePath = "github.com/actionsgo/actions/emit/go/testdata/glue"
)

// liveProgram declares the actions of liveActions.
func liveProgram() *model.Program {
	stream := func(id, name, tsName, doc string, kind model.StreamKind, result *model.Type, params ...*model.Param) *model.Action {
		return &model.Action{ID: id, Name: name, TSName: tsName, Doc: doc, Context: true, Params: params, Result: result, Stream: kind}
	}
	param := func(name string, t *model.Type) *model.Param { return &model.Param{Name: name, TSName: name, Type: t} }
	return &model.Program{Packages: []*model.Package{{
		Path: livePath, Name: "live", Key: "live",
		Types: []*model.Named{{
			Name: "Item",
			Doc:  "Item is one item of a stream.",
			Type: &model.Type{Kind: model.KindStruct, Fields: []*model.Field{field("n", tInt), field("text", tString)}},
		}},
		Actions: []*model.Action{
			stream("live.Items", "Items", "items", "Items streams n items, whose texts hold characters of every UTF-8 length.\n",
				model.StreamSeq, named(livePath, "Item"), param("n", tInt)),
			stream("live.Hold", "Hold", "hold", "Hold streams n numbers, then holds the stream open until its context ends.\n",
				model.StreamSeq, tInt, param("tag", tString), param("n", tInt)),
			stream("live.Cut", "Cut", "cut", "Cut streams n numbers, then drops the connection without ending the stream.\n",
				model.StreamSeq, tInt, param("n", tInt)),
			stream("live.Fail", "Fail", "fail", "Fail streams n numbers, then fails with an error the client must not see.\n",
				model.StreamSeq2, tInt, param("n", tInt)),
			{
				ID: "live.Size", Name: "Size", TSName: "size", Doc: "Size is a read: the length of key in bytes.\n",
				Params: []*model.Param{param("key", tString)}, Result: tInt, Get: true,
			},
		},
	}}}
}

// itemText is the text of the i-th item of Items; the driver writes it
// the same way.
func itemText(i int) string { return fmt.Sprintf("%d: é € 😀 \u2028 a\nb \"q\"", i) }

// liveItem is the Go type of the live package's Item.
type liveItem struct {
	N    int    `json:"n"`
	Text string `json:"text"`
}

// liveEnd is how a stream of Hold ended, as the server saw it.
type liveEnd struct {
	Sent     int    `json:"sent"`     // items the iterator yielded
	Cleanup  bool   `json:"cleanup"`  // the iterator's deferred cleanup ran
	Canceled string `json:"canceled"` // the action's context's error when it ended
}

// liveServer serves the live actions and the glue corpus, records the
// requests made to them, and tells the driver how each stream of Hold
// ended (GET /test/ended?tag=…, waiting for it).
type liveServer struct {
	mu       sync.Mutex
	requests []liveRequest
	ends     map[string]chan liveEnd
}

type liveRequest struct {
	Method, Path, Query string
}

// end returns the channel on which the stream of Hold tagged tag reports
// its end.
func (s *liveServer) end(tag string) chan liveEnd {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ends[tag] == nil {
		s.ends[tag] = make(chan liveEnd, 1)
	}
	return s.ends[tag]
}

// liveActions are the live package's actions, as the glue would write
// them.
func (s *liveServer) liveActions() []actions.Action {
	return []actions.Action{
		{ID: "live.Items", Params: []actions.Parameter{actions.Param[int]("n")}, Returns: true, Stream: true, Call: func(ctx context.Context, args []any) (any, error) {
			n := *args[0].(*int)
			return actions.Stream(func(yield func(liveItem) bool) {
				for i := range n {
					if !yield(liveItem{i, itemText(i)}) {
						return
					}
				}
			}), nil
		}},
		{ID: "live.Hold", Params: []actions.Parameter{actions.Param[string]("tag"), actions.Param[int]("n")}, Returns: true, Stream: true, Call: func(ctx context.Context, args []any) (any, error) {
			end, n := s.end(*args[0].(*string)), *args[1].(*int)
			return actions.Stream(func(yield func(int) bool) {
				e := liveEnd{}
				defer func() {
					// The cleanup of the iterator: where a stream of a
					// database cursor closes it.
					e.Cleanup = true
					end <- e
				}()
				for i := range n {
					if !yield(i) {
						return
					}
					e.Sent++
				}
				// Only the context's end can end the stream now.
				select {
				case <-ctx.Done():
					e.Canceled = ctx.Err().Error()
				case <-time.After(20 * time.Second):
					e.Canceled = "the context did not end in 20s"
				}
			}), nil
		}},
		{ID: "live.Cut", Params: []actions.Parameter{actions.Param[int]("n")}, Returns: true, Stream: true, Call: func(ctx context.Context, args []any) (any, error) {
			n := *args[0].(*int)
			return actions.Stream(func(yield func(int) bool) {
				for i := range n {
					if !yield(i) {
						return
					}
				}
				// What the server does to a connection it cannot finish:
				// it closes it, the response unterminated.
				panic(http.ErrAbortHandler)
			}), nil
		}},
		{ID: "live.Fail", Params: []actions.Parameter{actions.Param[int]("n")}, Returns: true, Stream: true, Call: func(ctx context.Context, args []any) (any, error) {
			n := *args[0].(*int)
			return actions.Stream2(func(yield func(int, error) bool) {
				for i := range n {
					if !yield(i, nil) {
						return
					}
				}
				yield(0, errors.New("a secret the client must not see"))
			}), nil
		}},
		{ID: "live.Size", Params: []actions.Parameter{actions.Param[string]("key")}, Returns: true, Get: true, Call: func(ctx context.Context, args []any) (any, error) {
			return len(*args[0].(*string)), nil
		}},
	}
}

// newLiveServer serves the live actions and the glue corpus (with counter
// as its Counter) at /_actions/, and at /clean/_actions/ a stream that
// ends cleanly without its end event, as a proxy that gives up may end it.
func newLiveServer(t *testing.T, counter *glue.Counter) (*liveServer, *httptest.Server) {
	s := &liveServer{ends: map[string]chan liveEnd{}}
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)},
		s.liveActions(), glue.Actions(), glue.CounterActions(counter))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/_actions/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, liveRequest{r.Method, r.URL.Path, r.URL.RawQuery})
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	})
	mux.HandleFunc("/clean/_actions/", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		io.WriteString(w, "event: item\ndata: {\"n\":0,\"text\":\"a\"}\n\nevent: item\ndata: {\"n\":1,\"text\":\"b\"}\n\n")
	})
	mux.HandleFunc("/test/ended", func(w http.ResponseWriter, r *http.Request) {
		select {
		case e := <-s.end(r.URL.Query().Get("tag")):
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"sent":%d,"cleanup":%t,"canceled":%q}`, e.Sent, e.Cleanup, e.Canceled)
		case <-time.After(10 * time.Second):
			http.Error(w, "the stream did not end within 10s", http.StatusGatewayTimeout)
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return s, srv
}

// liveProject writes the generated clients of the live package and the glue
// corpus with the driver as main.ts, for the server srv.
func liveProject(t *testing.T, srv *httptest.Server, driver string, files map[string][]byte) *nodeProject {
	glueProg := load(t, gluePath)
	prog := &model.Program{Packages: append(slices.Clone(liveProgram().Packages), glueProg.Packages...)}
	if files == nil {
		files = map[string][]byte{}
	}
	files["main.ts"] = []byte(driver)
	files["describe.ts"] = []byte(describeTS)
	files["config.ts"] = []byte(fmt.Sprintf("export const baseURL = %q;\n", srv.URL))
	return newNodeProject(t, prog, files)
}

// describeTS describes how a call or a stream ended, as JSON the Go tests
// compare.
const describeTS = `import { ActionError } from "./gen/runtime.js";

export function describe(err: unknown): unknown {
  if (err instanceof ActionError) {
    return { actionError: { code: err.code, status: err.status, message: err.message, hasID: typeof err.id == "string" && err.id.length > 0 } };
  }
  return { other: (err as Error).name };
}

// collect runs a stream to its end, calling each(item, count) after each
// item, and returns what arrived and how the stream ended.
export async function collect<T>(it: AsyncIterable<T>, each?: (item: T, count: number) => void): Promise<{ items: T[]; end: unknown }> {
  const items: T[] = [];
  try {
    for await (const v of it) {
      items.push(v);
      each?.(v, items.length);
    }
    return { items, end: "end" };
  } catch (err) {
    return { items, end: describe(err) };
  }
}

export async function attempt(f: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await f() };
  } catch (err) {
    return describe(err);
  }
}
`

// recorded returns the requests made to the actions so far.
func (s *liveServer) recorded() []liveRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}
