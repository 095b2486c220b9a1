package actions

import (
	"net/http"
	"time"
)

// connControl sets the deadlines of a response's connection and flushes it,
// through http.ResponseController, where the ResponseWriter supports that.
// It lives in the pooled callState, so a call allocates none; and it asks
// only a writer that has deadlines, since ResponseController makes a new
// error each time it is asked of one that has not (a test's recorder).
type connControl struct {
	rc        http.ResponseController
	deadlines bool
}

func (c *connControl) reset(w http.ResponseWriter) {
	c.rc = *http.NewResponseController(w)
	c.deadlines = hasDeadlines(w)
}

// setReadDeadline sets the read deadline and reports whether it could.
func (c *connControl) setReadDeadline(t time.Time) bool {
	return c.deadlines && c.rc.SetReadDeadline(t) == nil
}

// setWriteDeadline sets the write deadline and reports whether it could.
func (c *connControl) setWriteDeadline(t time.Time) bool {
	return c.deadlines && c.rc.SetWriteDeadline(t) == nil
}

func (c *connControl) flush() error { return c.rc.Flush() }

// hasDeadlines reports whether w, or a writer it wraps (Unwrap, as
// ResponseController follows it), can set connection deadlines.
func hasDeadlines(w http.ResponseWriter) bool {
	for {
		switch t := w.(type) {
		case interface{ SetWriteDeadline(time.Time) error }:
			return true
		case interface{ Unwrap() http.ResponseWriter }:
			w = t.Unwrap()
		default:
			return false
		}
	}
}
