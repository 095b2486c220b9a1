package actions

import (
	"context"
	"net/http"
	"sync"
)

// callContext is the context of one call: the request's (or its deadline's),
// carrying the request and the headers the action adds to the response. It
// is one allocation per call, made only when the action runs.
type callContext struct {
	context.Context
	req *http.Request

	mu       sync.Mutex
	header   http.Header // made on first use
	redirect string      // where Redirect sends a form's page
	sent     bool        // the response is written: later changes are dropped
}

type callContextKey struct{}

// Value answers the call's own key, and the parent's for any other.
func (c *callContext) Value(key any) any {
	if key == (callContextKey{}) {
		return c
	}
	return c.Context.Value(key)
}

// fromContext returns the call whose context ctx is (or is derived from), or
// nil outside a call.
func fromContext(ctx context.Context) *callContext {
	if ctx == nil {
		return nil
	}
	c, _ := ctx.Value(callContextKey{}).(*callContext)
	return c
}

// Request returns the HTTP request of the call whose context ctx is: its
// headers, cookies and remote address (its body is already read). It
// returns nil outside a call.
func Request(ctx context.Context) *http.Request {
	if c := fromContext(ctx); c != nil {
		return c.req
	}
	return nil
}

// ResponseHeader returns the headers the call's response will carry, to
// add to or set: they are sent whatever the outcome, on an error response
// too (the handler's own Content-Type, Cache-Control and
// X-Content-Type-Options win). Like http.ResponseWriter.Header, the map is
// not safe for concurrent use: use SetCookie from other goroutines. Changes
// made after the action returns are not sent. Outside a call it returns an
// empty header, which is sent nowhere.
func ResponseHeader(ctx context.Context) http.Header {
	c := fromContext(ctx)
	if c == nil {
		return http.Header{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.headerLocked()
}

func (c *callContext) headerLocked() http.Header {
	if c.header == nil {
		c.header = http.Header{}
	}
	return c.header
}

// SetCookie adds a Set-Cookie header to the call's response, sent whatever
// the outcome. It is safe for concurrent use within the call; a cookie set
// after the action returns, or outside a call, is dropped. An invalid
// cookie is dropped, as http.SetCookie drops it.
func SetCookie(ctx context.Context, cookie *http.Cookie) {
	c := fromContext(ctx)
	if c == nil {
		return
	}
	v := cookie.String()
	if v == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.sent {
		c.headerLocked().Add("Set-Cookie", v)
	}
}

// send copies the headers the action set into w's, once, when the action
// has returned; later changes are dropped.
func (c *callContext) send(w http.ResponseWriter) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sent {
		return
	}
	c.sent = true
	if len(c.header) == 0 {
		return
	}
	dst := w.Header()
	for k, vs := range c.header {
		dst[k] = append(dst[k], vs...)
	}
}
