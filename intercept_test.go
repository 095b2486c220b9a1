package actions_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/actionsgo/actions"
)

type session struct {
	User string `json:"user"`
}

// sessionActions are a sign-in that sets a cookie, an action that reads it
// and sets a header, and one that fails after setting a header.
func sessionActions(ran *atomic.Int64) []actions.Action {
	return []actions.Action{
		{ID: "s.SignIn", Params: []actions.Parameter{actions.Param[string]("user")},
			Call: func(ctx context.Context, args []any) (any, error) {
				ran.Add(1)
				var wg sync.WaitGroup
				for i := range 4 { // SetCookie is safe from the action's goroutines
					wg.Go(func() {
						actions.SetCookie(ctx, &http.Cookie{Name: "n" + string(rune('0'+i)), Value: "v"})
					})
				}
				wg.Wait()
				actions.SetCookie(ctx, &http.Cookie{Name: "session", Value: *args[0].(*string), HttpOnly: true, SameSite: http.SameSiteLaxMode, Path: "/"})
				return nil, nil
			}},
		{ID: "s.Who", Returns: true, Call: func(ctx context.Context, args []any) (any, error) {
			ran.Add(1)
			c, err := actions.Request(ctx).Cookie("session")
			if err != nil {
				return nil, actions.Errorf(actions.CodeUnauthenticated, "sign in first")
			}
			actions.ResponseHeader(ctx).Set("X-User", c.Value)
			return session{User: c.Value}, nil
		}},
		{ID: "s.Fails", Call: func(ctx context.Context, args []any) (any, error) {
			ran.Add(1)
			actions.ResponseHeader(ctx).Set("Retry-After", "5")
			actions.ResponseHeader(ctx).Set("Content-Type", "text/html") // the handler's own wins
			return nil, actions.Errorf(actions.CodeUnavailable, "busy")
		}},
		{ID: "s.Panics", Call: func(ctx context.Context, args []any) (any, error) {
			ran.Add(1)
			actions.SetCookie(ctx, &http.Cookie{Name: "before", Value: "panic"})
			panic("boom")
		}},
	}
}

func post(h http.Handler, id, body string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	r := httptest.NewRequest("POST", "/_actions/"+id, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	for _, c := range cookies {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestRequestHelpers(t *testing.T) {
	var ran atomic.Int64
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, sessionActions(&ran))
	if err != nil {
		t.Fatal(err)
	}
	w := post(h, "s.SignIn", `["ada"]`)
	cookies := w.Result().Cookies()
	names := []string{}
	for _, c := range cookies {
		names = append(names, c.Name)
	}
	slices.Sort(names)
	if w.Code != 204 || !slices.Equal(names, []string{"n0", "n1", "n2", "n3", "session"}) {
		t.Fatalf("sign-in: %d, cookies %v", w.Code, names)
	}
	var sess *http.Cookie
	for _, c := range cookies {
		if c.Name == "session" {
			sess = c
		}
	}
	if !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode {
		t.Errorf("session cookie %v", sess)
	}

	w = post(h, "s.Who", `[]`, sess)
	if w.Code != 200 || w.Body.String() != `{"user":"ada"}` || w.Header().Get("X-User") != "ada" {
		t.Errorf("with the cookie: %d %s, X-User %q", w.Code, w.Body, w.Header().Get("X-User"))
	}
	if w = post(h, "s.Who", `[]`); w.Code != 401 {
		t.Errorf("without the cookie: %d %s", w.Code, w.Body)
	}

	w = post(h, "s.Fails", `[]`)
	if w.Code != 503 || w.Header().Get("Retry-After") != "5" || w.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("an error response: %d %s, headers %v", w.Code, w.Body, w.Header())
	}
	w = post(h, "s.Panics", `[]`)
	if w.Code != 500 || len(w.Result().Cookies()) != 1 {
		t.Errorf("a panic: %d %s, headers %v", w.Code, w.Body, w.Header())
	}

	// Outside a call the helpers do nothing, and do not crash.
	if actions.Request(context.Background()) != nil {
		t.Error("Request outside a call is not nil")
	}
	actions.SetCookie(context.Background(), &http.Cookie{Name: "a", Value: "b"})
	actions.ResponseHeader(context.Background()).Set("A", "b")
}

// TestLateResponseChanges proves that what an action's goroutine sets on the
// response after the action returns is dropped, whether or not the action
// set anything before (the handler stands for a response written with
// nothing set by one value that every such call shares), and does not reach
// the response of another call.
func TestLateResponseChanges(t *testing.T) {
	late := make(chan context.Context, 1)
	done := make(chan struct{})
	group := []actions.Action{
		{ID: "l.Nothing", Call: func(ctx context.Context, args []any) (any, error) {
			late <- ctx
			return nil, nil
		}},
		{ID: "l.Cookie", Call: func(ctx context.Context, args []any) (any, error) {
			actions.SetCookie(ctx, &http.Cookie{Name: "early", Value: "v"})
			late <- ctx
			return nil, nil
		}},
		{ID: "l.Plain", Call: func(ctx context.Context, args []any) (any, error) { return nil, nil }},
	}
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, group)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"l.Nothing", "l.Cookie", "l.Nothing"} {
		written := make(chan struct{})
		go func() {
			ctx := <-late
			<-written
			if v := actions.ResponseHeader(ctx).Get("X-Late"); v != "" {
				t.Errorf("%s: a late header of an earlier call is in this one's: %q", id, v)
			}
			actions.SetCookie(ctx, &http.Cookie{Name: "late", Value: "v"})
			actions.ResponseHeader(ctx).Set("X-Late", "v")
			actions.Redirect(ctx, "/late")
			done <- struct{}{}
		}()
		w := post(h, id, `[]`)
		close(written)
		<-done
		if w.Header().Get("X-Late") != "" || w.Header().Get(actions.RedirectHeader) != "" || strings.Contains(strings.Join(w.Header()["Set-Cookie"], ";"), "late") {
			t.Errorf("%s: a late change was sent: %v", id, w.Header())
		}
		if id == "l.Cookie" && len(w.Result().Cookies()) != 1 {
			t.Errorf("%s: the cookie set in time was not sent: %v", id, w.Header())
		}
		if w = post(h, "l.Plain", `[]`); len(w.Header()["Set-Cookie"]) != 0 || w.Header().Get("X-Late") != "" || w.Header().Get(actions.RedirectHeader) != "" {
			t.Errorf("after %s: another call's response has its late changes: %v", id, w.Header())
		}
	}
}

// TestInterceptors proves the order of interceptors, that a refusal stops the
// call before the action runs, what they see of the call, its result, error
// and duration, and that a panic in one is recovered.
func TestInterceptors(t *testing.T) {
	var ran atomic.Int64
	var mu sync.Mutex
	var trace []string
	var seen struct {
		args     []any
		result   any
		err      error
		duration time.Duration
	}
	record := func(name string) actions.Interceptor {
		return func(next actions.Invoker) actions.Invoker {
			return func(ctx context.Context, call *actions.Call) (any, error) {
				mu.Lock()
				trace = append(trace, name+">"+call.ID)
				mu.Unlock()
				result, err := next(ctx, call)
				mu.Lock()
				trace = append(trace, "<"+name)
				mu.Unlock()
				return result, err
			}
		}
	}
	observe := func(next actions.Invoker) actions.Invoker {
		return func(ctx context.Context, call *actions.Call) (any, error) {
			start := time.Now()
			result, err := next(ctx, call)
			// The Args slice is the handler's for the next call once
			// this returns: keep a copy.
			seen.args, seen.result, seen.err, seen.duration = slices.Clone(call.Args), result, err, time.Since(start)
			return result, err
		}
	}
	requireSession := func(next actions.Invoker) actions.Invoker {
		return func(ctx context.Context, call *actions.Call) (any, error) {
			if _, err := call.Request.Cookie("session"); err != nil {
				return nil, actions.Errorf(actions.CodeUnauthenticated, "sign in first")
			}
			return next(ctx, call)
		}
	}
	panics := func(next actions.Invoker) actions.Invoker {
		return func(ctx context.Context, call *actions.Call) (any, error) {
			if call.Request.Header.Get("X-Panic") != "" {
				panic("interceptor broke")
			}
			return next(ctx, call)
		}
	}
	var log bytes.Buffer
	add := []actions.Action{{ID: "m.Add", Params: []actions.Parameter{actions.Param[int]("a"), actions.Param[session]("s")}, Returns: true,
		Call: func(ctx context.Context, args []any) (any, error) {
			ran.Add(1)
			return *args[0].(*int) + 1, errors.New("late")
		}}}
	h, err := actions.New(actions.Options{
		Logger:       slog.New(slog.NewTextHandler(&log, nil)),
		Interceptors: []actions.Interceptor{record("outer"), panics},
	},
		actions.Intercept(actions.Intercept(add, record("group"), observe), requireSession),
		sessionActions(&ran),
	)
	if err != nil {
		t.Fatal(err)
	}

	// Refused before the action runs: the counter proves it.
	if w := post(h, "m.Add", `[1,{"user":"a"}]`); w.Code != 401 || ran.Load() != 0 {
		t.Errorf("without a session: %d %s, the action ran %d times", w.Code, w.Body, ran.Load())
	}
	if got, want := strings.Join(trace, " "), "outer>m.Add group>m.Add <group <outer"; got != want {
		t.Errorf("order %q, want %q", got, want)
	}
	if seen.err == nil || !strings.Contains(seen.err.Error(), "sign in first") {
		t.Errorf("the observer saw the refusal as %v", seen.err)
	}

	// Through every interceptor to the action.
	trace = nil
	w := post(h, "m.Add", `[41,{"user":"a"}]`, &http.Cookie{Name: "session", Value: "x"})
	if w.Code != 500 || ran.Load() != 1 {
		t.Errorf("with a session: %d %s, ran %d", w.Code, w.Body, ran.Load())
	}
	if len(seen.args) != 2 || *seen.args[0].(*int) != 41 || *seen.args[1].(*session) != (session{User: "a"}) || seen.result != 42 || seen.err == nil || seen.err.Error() != "late" || seen.duration <= 0 {
		t.Errorf("the observer saw args %v, result %v, error %v, duration %v", seen.args, seen.result, seen.err, seen.duration)
	}

	// A bad request never reaches an interceptor.
	trace = nil
	if w := post(h, "m.Add", `["x",{}]`); w.Code != 400 || len(trace) != 0 {
		t.Errorf("a bad request: %d, interceptors saw %v", w.Code, trace)
	}

	// The handler's interceptors wrap every action; a panic in one is
	// recovered as an action's.
	trace = nil
	if w := post(h, "s.Who", `[]`); w.Code != 401 || strings.Join(trace, " ") != "outer>s.Who <outer" {
		t.Errorf("s.Who: %d, trace %v", w.Code, trace)
	}
	r := httptest.NewRequest("POST", "/_actions/s.Who", strings.NewReader(`[]`))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("X-Panic", "1")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	if rec.Code != 500 || !strings.Contains(log.String(), "interceptor broke") {
		t.Errorf("a panicking interceptor: %d %s, log %s", rec.Code, rec.Body, log.String())
	}

	// Intercept copies: the group it was given is unchanged.
	plain, _ := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, add)
	before := ran.Load()
	if w := post(plain, "m.Add", `[1,{}]`); w.Code != 500 || ran.Load() != before+1 {
		t.Errorf("the original group: %d %s", w.Code, w.Body)
	}
	if _, err := actions.New(actions.Options{Interceptors: []actions.Interceptor{func(actions.Invoker) actions.Invoker { return nil }}}, add); err == nil {
		t.Error("New accepted an interceptor that returns a nil Invoker")
	}
}
