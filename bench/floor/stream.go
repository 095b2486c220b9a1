package floor

import (
	"bytes"
	"encoding/json/v2"
	"net/http"

	"github.com/actionsgo/actions/bench/app"
)

// Stream is the floor of a stream: app.Ticks served at /_actions/app.Ticks
// by hand, in the framing the runtime writes (Server-Sent Events: an
// "event: item" frame per item, its data the item's JSON, then an end
// frame), each item encoded with encoding/json/v2 into one reused buffer,
// written in one Write and flushed, as a careful person writes it. It
// reads and decodes the argument as V2 does, and leaves out what the
// runtime does besides: the checks of the request, the watch of the
// call's context between items, the keep-alive comments, the write
// deadline of each frame.
var Stream http.Handler = http.HandlerFunc(serveStream)

func serveStream(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		fail(w, http.StatusMethodNotAllowed, "use POST")
		return
	}
	if r.URL.Path != "/_actions/app.Ticks" {
		fail(w, http.StatusNotFound, "no such action")
		return
	}
	body, err := readBody(http.MaxBytesReader(w, r.Body, MaxBody), r.ContentLength)
	if err != nil {
		fail(w, http.StatusRequestEntityTooLarge, err.Error())
		return
	}
	var n int
	if err := decodeArgsV2(body, &n); err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	h := w.Header()
	h["Content-Type"] = contentTypeEventStream
	h["X-Content-Type-Options"] = nosniff
	h["Cache-Control"] = noStore
	h["X-Accel-Buffering"] = accelNo
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	var buf bytes.Buffer
	for t := range app.Ticks(r.Context(), n) {
		buf.Reset()
		buf.WriteString("event: item\ndata: ")
		if err := json.MarshalWrite(&buf, t); err != nil {
			return
		}
		buf.WriteString("\n\n")
		if _, err := w.Write(buf.Bytes()); err != nil {
			return
		}
		if flusher != nil {
			flusher.Flush()
		}
	}
	w.Write(frameEnd)
	if flusher != nil {
		flusher.Flush()
	}
}

var (
	contentTypeEventStream = []string{"text/event-stream; charset=utf-8"}
	accelNo                = []string{"no"}
	frameEnd               = []byte("event: end\ndata: {}\n\n")
)
