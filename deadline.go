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

// readWithin sets the read deadline d from now and reports whether it
// could; clearRead lifts it. The clock is read only for a writer that has
// deadlines.
func (c *connControl) readWithin(d time.Duration) bool {
	return c.deadlines && c.rc.SetReadDeadline(time.Now().Add(d)) == nil
}

func (c *connControl) clearRead() { c.rc.SetReadDeadline(time.Time{}) }

// writeWithin sets the write deadline d from now and reports whether it
// could; clearWrite lifts it.
func (c *connControl) writeWithin(d time.Duration) bool {
	return c.deadlines && c.rc.SetWriteDeadline(time.Now().Add(d)) == nil
}

func (c *connControl) clearWrite() { c.rc.SetWriteDeadline(time.Time{}) }

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
