package actions

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
)

// callContext is the context of one call: the request's (or its deadline's),
// carrying the request and what the action sets on the response. It is one
// allocation per call, made only when the action runs; what the action sets
// is a second, made only if it sets something.
type callContext struct {
	context.Context
	req *http.Request
	out atomic.Pointer[responseSet] // nil until the action sets something, or the response is written
}

// responseSet is what an action sets on its response: headers and, for a form,
// where its page goes.
type responseSet struct {
	mu       sync.Mutex
	header   http.Header // made on first use
	redirect string      // where Redirect sends a form's page
	sent     bool        // the response is written: later changes are dropped
}

// written stands for the response of a call that is written with nothing
// set: what the action sets after that is dropped.
var written = &responseSet{sent: true}

// lockedSet returns what the call's action sets on its response, locked;
// the caller unlocks it. Its sent is true once the response is written.
func (c *callContext) lockedSet() *responseSet {
	o := c.out.Load()
	if o == nil {
		c.out.CompareAndSwap(nil, new(responseSet))
		o = c.out.Load() // this one, another goroutine's of the call, or written
	}
	o.mu.Lock()
	return o
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
	o := c.lockedSet()
	defer o.mu.Unlock()
	if o == written {
		return http.Header{} // changes are dropped, and written is shared
	}
	return o.headerLocked()
}

func (o *responseSet) headerLocked() http.Header {
	if o.header == nil {
		o.header = http.Header{}
	}
	return o.header
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
	o := c.lockedSet()
	defer o.mu.Unlock()
	if !o.sent {
		o.headerLocked().Add("Set-Cookie", v)
	}
}

// send copies the headers the action set into w's, once, when the action
// has returned; later changes are dropped. It returns where Redirect sends
// a form's page, "" if nowhere.
func (c *callContext) send(w http.ResponseWriter) (redirect string) {
	if c.out.CompareAndSwap(nil, written) {
		return "" // the action set nothing: the usual call, without a lock
	}
	o := c.lockedSet()
	defer o.mu.Unlock()
	if o.sent {
		return o.redirect
	}
	o.sent = true
	if len(o.header) > 0 {
		dst := w.Header()
		for k, vs := range o.header {
			dst[k] = append(dst[k], vs...)
		}
	}
	return o.redirect
}
