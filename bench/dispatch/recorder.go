package dispatch

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
)

// Recorder is a minimal http.ResponseWriter that every server writes to in
// the in-process benchmarks: it keeps the status and, when Keep is set, the
// body; Reset makes it ready for the next request without allocating.
type Recorder struct {
	header http.Header
	Status int
	Bytes  int
	Keep   bool
	Body   bytes.Buffer
}

// NewRecorder returns an empty Recorder.
func NewRecorder() *Recorder { return &Recorder{header: make(http.Header)} }

func (r *Recorder) Header() http.Header { return r.header }

func (r *Recorder) WriteHeader(status int) {
	if r.Status == 0 {
		r.Status = status
	}
}

func (r *Recorder) Write(p []byte) (int, error) {
	if r.Status == 0 {
		r.Status = http.StatusOK
	}
	r.Bytes += len(p)
	if r.Keep {
		r.Body.Write(p)
	}
	return len(p), nil
}

// Reset forgets the previous response.
func (r *Recorder) Reset() {
	clear(r.header)
	r.Status, r.Bytes = 0, 0
	r.Body.Reset()
}

// Body is a request body that can be rewound, so one prepared request serves
// every iteration.
type Body struct{ bytes.Reader }

func (*Body) Close() error { return nil }

// Prepared is a request made once and replayed.
type Prepared struct {
	Req  *http.Request
	body *Body
	data []byte
}

// Prepare makes the request of c.
func Prepare(c Call) *Prepared {
	p := &Prepared{body: &Body{}, data: c.Body}
	p.Req = httptest.NewRequest(http.MethodPost, c.Path, nil)
	for k, v := range c.Header {
		p.Req.Header[k] = v
	}
	p.Req.ContentLength = int64(len(c.Body))
	p.Rewind()
	return p
}

// Rewind makes the request's body readable from the start again.
func (p *Prepared) Rewind() {
	p.body.Reset(p.data)
	p.Req.Body = p.body
}

var _ io.ReadCloser = (*Body)(nil)
