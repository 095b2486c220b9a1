package dispatch

import (
	"net/http"
	"runtime"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/bench/app"
	"github.com/actionsgo/actions/bench/floor"
)

// StreamServers are the servers of the stream benchmark: the generated
// handler and the floor, each with its call of app.Ticks for n items.
func StreamServers(n int) ([]*Server, error) {
	generated, err := actions.New(actions.Options{}, app.Actions())
	if err != nil {
		return nil, err
	}
	body, err := marshalAll([]any{n})
	if err != nil {
		return nil, err
	}
	call := map[string]Call{"ticks": {"/_actions/app.Ticks", body[0], http.Header{"Content-Type": {"application/json"}}}}
	return []*Server{
		{"actions", generated, call},
		{"floor", floor.Stream, call},
	}, nil
}

// StreamRecorder is a Recorder that can be flushed, as a server's
// ResponseWriter can: it counts the flushes that follow a write (one per
// frame), and calls OnFrame with that count.
type StreamRecorder struct {
	Recorder
	Frames  int
	OnFrame func(frames int)
	dirty   bool
}

// NewStreamRecorder returns an empty StreamRecorder.
func NewStreamRecorder() *StreamRecorder {
	return &StreamRecorder{Recorder: *NewRecorder()}
}

func (r *StreamRecorder) Write(p []byte) (int, error) {
	r.dirty = true
	return r.Recorder.Write(p)
}

func (r *StreamRecorder) Flush() {
	if !r.dirty {
		return
	}
	r.dirty = false
	r.Frames++
	if r.OnFrame != nil {
		r.OnFrame(r.Frames)
	}
}

// Reset forgets the previous response.
func (r *StreamRecorder) Reset() {
	r.Recorder.Reset()
	r.Frames, r.dirty = 0, false
}

// HeapInUse returns the bytes of heap in use after a collection: what the
// process holds, garbage aside.
func HeapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// StreamHeap serves one stream of app.Ticks with s, whose call must be
// for n items (n > early), and returns the heap in use after early items
// and after all n: a stream whose memory does not grow with its length has
// the two about equal.
func StreamHeap(s *Server, n, early int) (before, after uint64, rec *StreamRecorder) {
	rec = NewStreamRecorder()
	rec.OnFrame = func(frames int) {
		switch frames {
		case early:
			before = HeapInUse()
		case n:
			after = HeapInUse()
		}
	}
	s.Handler.ServeHTTP(rec, Prepare(s.Calls["ticks"]).Req)
	return before, after, rec
}
