package actions

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"sync"
	"time"
)

// Stream turns the iter.Seq result of a stream action into what Action.Call
// returns for it; generated glue calls it. Each item is sent to the client
// as it is produced.
func Stream[T any](seq iter.Seq[T]) iter.Seq2[any, error] {
	return func(yield func(any, error) bool) {
		for v := range seq {
			if !yield(v, nil) {
				return
			}
		}
	}
}

// Stream2 turns the iter.Seq2[T, error] result of a stream action into what
// Action.Call returns for it; generated glue calls it. An error ends the
// stream: the client's loop throws it.
func Stream2[T any](seq iter.Seq2[T, error]) iter.Seq2[any, error] {
	return func(yield func(any, error) bool) {
		for v, err := range seq {
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(v, nil) {
				return
			}
		}
	}
}

// The framing of a stream is Server-Sent Events over the call's POST: one
// event per frame, its data one line of JSON (the codec writes no raw
// newline), flushed as it is written:
//
//	event: item          one item of the stream, data its JSON
//	event: error         the stream ended with an error, data {"code","message",…}
//	event: end           the stream ended normally, data {}
//	: keep-alive         a comment while the stream is idle, so proxies keep it open
//
// A stream whose body ends without an end or error event was cut short
// (a proxy, the network): the client reports it as an error, never as a
// short result.
var (
	frameItem  = []byte("event: item\ndata: ")
	frameError = []byte("event: error\ndata: ")
	frameEnd   = []byte("event: end\ndata: {}\n\n")
	frameAlive = []byte(": keep-alive\n\n")
	frameClose = []byte("\n\n")
)

// streamHeaders are the headers of a stream's response: no caching, no
// buffering by a proxy (X-Accel-Buffering), no sniffing.
func streamHeaders(h http.Header) {
	h["Content-Type"] = contentTypeEventStream
	h["X-Content-Type-Options"] = nosniff
	h["Cache-Control"] = noStore
	h["X-Accel-Buffering"] = accelNo
}

var (
	contentTypeEventStream = []string{"text/event-stream; charset=utf-8"}
	accelNo                = []string{"no"}
)

// streamWriter writes the frames of one stream, from the handler's
// goroutine and from the keep-alive timer's, one at a time.
type streamWriter struct {
	mu      sync.Mutex
	w       http.ResponseWriter
	rc      *connControl
	timeout time.Duration // for each write
	wrote   bool          // since the last keep-alive tick
	err     error         // the first write error: the client is gone
	// noDeadline is set once the writer has refused a write deadline (a
	// wrapper of the server's without Unwrap): asking again for every
	// frame would only make a new error each time.
	noDeadline bool
	alive      *time.Timer // writes the keep-alive comments
	stopped    bool        // the stream is over: no frame is written any more
}

// frame writes parts as one frame and flushes it. It reports whether the
// client still takes frames.
func (s *streamWriter) frame(parts ...[]byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil || s.stopped {
		return false
	}
	if !s.noDeadline && !s.rc.writeWithin(s.timeout) {
		s.noDeadline = true
	}
	for _, p := range parts {
		if _, err := s.w.Write(p); err != nil {
			s.err = err
			return false
		}
	}
	if err := s.rc.flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		s.err = err
		return false
	}
	s.wrote = true
	return true
}

// keepAlive writes a keep-alive comment every interval in which no frame
// was written, from a timer's function, until stopAlive: no goroutine
// waits for the timer, and none has to be woken to end the stream.
func (s *streamWriter) keepAlive(interval time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.alive = time.AfterFunc(interval, func() {
		s.mu.Lock()
		idle := !s.wrote
		s.wrote = false
		s.mu.Unlock()
		if idle && !s.frame(frameAlive) {
			return // stopped, or the client is gone
		}
		s.mu.Lock()
		if !s.stopped {
			s.alive.Reset(interval)
		}
		s.mu.Unlock()
	})
}

// stopAlive ends the keep-alive comments: once it returns, none is being
// written and none will be.
func (s *streamWriter) stopAlive() {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.alive.Stop()
}

// stream sends the items of seq as they come, until it ends, fails, the
// client goes away or the stream's time is up; leaving the loop early runs
// the iterator's cleanup. cancel ends the action's context.
func (h *Handler) stream(ctx context.Context, w http.ResponseWriter, r *http.Request, rc *connControl, a *Action, seq iter.Seq2[any, error], st *callState) {
	streamHeaders(w.Header())
	w.WriteHeader(http.StatusOK)
	s := &streamWriter{w: w, rc: rc, timeout: h.writeTimeout}
	if !s.frame() {
		return
	}
	s.keepAlive(h.keepAlive)
	defer s.stopAlive()
	for item, err := range seq {
		if err == nil && ctx.Err() != nil {
			err = ctx.Err()
		}
		if err != nil {
			h.streamError(ctx, s, r, a, err)
			return
		}
		out, err := st.encodeFrame(frameItem, item)
		if err != nil {
			h.streamError(ctx, s, r, a, err)
			return
		}
		if !s.frame(out) {
			return // the client is gone: leaving the loop stops the iterator
		}
	}
	if ctx.Err() != nil {
		// The iterator stopped because the call's time ran out or the
		// client left: not a normal end.
		h.streamError(ctx, s, r, a, ctx.Err())
		return
	}
	s.frame(frameEnd)
}

// streamError ends a stream with an error frame, the error translated and
// hidden as a call's error would be.
func (h *Handler) streamError(ctx context.Context, s *streamWriter, r *http.Request, a *Action, err error) {
	body, _ := h.errorBody(ctx, r, a, 0, err)
	out, _ := marshalErrorBody(body)
	s.frame(frameError, out, frameClose)
}
