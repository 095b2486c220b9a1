package actions

import (
	"bytes"
	"encoding/json/jsontext"
	"encoding/json/v2"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
)

// File is a file: uploaded by the client, as a parameter (or a field of a
// struct parameter, or a []File), or sent to it as an action's result, a
// download. In TypeScript it is a Blob (a File is one).
type File struct {
	// Name is the file's name as the client gave it: show it, never use it
	// as a path.
	Name string
	// ContentType is the media type the client gave, or the download's.
	ContentType string
	// Size is the size in bytes; -1 for a download made by FileFromReader.
	Size int64

	open func() (io.ReadCloser, error)
}

// Open returns the file's bytes. An uploaded file may be opened more than
// once while its action runs, and not after: the handler removes what it
// kept of it when the call returns.
func (f File) Open() (io.ReadCloser, error) {
	if f.open == nil {
		return nil, errors.New("actions: the file has no content")
	}
	return f.open()
}

// FileFromBytes returns a file of data, to return as a download.
func FileFromBytes(name, contentType string, data []byte) File {
	return File{Name: name, ContentType: contentType, Size: int64(len(data)), open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

// FileFromReader returns a file whose bytes r gives, to return as a
// download; the handler reads r once and closes it if it is an io.Closer.
func FileFromReader(name, contentType string, r io.Reader) File {
	return File{Name: name, ContentType: contentType, Size: -1, open: func() (io.ReadCloser, error) {
		if rc, ok := r.(io.ReadCloser); ok {
			return rc, nil
		}
		return io.NopCloser(r), nil
	}}
}

// UnmarshalJSONFrom refuses a file written as JSON: a file comes in a part
// of its own of a multipart call, which the handler decodes with a decoder
// of its own for File.
func (f *File) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	return errors.New("a file comes as a part of a multipart/form-data call, not as JSON")
}

// MarshalJSONTo writes what a file is, not its bytes: its name, content type
// and size. A File result itself is sent as its bytes.
func (f File) MarshalJSONTo(enc *jsontext.Encoder) error {
	return json.MarshalEncode(enc, struct {
		Name        string `json:"name"`
		ContentType string `json:"contentType"`
		Size        int64  `json:"size"`
	}{f.Name, f.ContentType, f.Size})
}

// The multipart encoding of a call that sends files: the part named "args"
// holds the JSON array of the arguments, where each File is the name of the
// part that holds it ("file0", "file1"…); each such part holds one file,
// with its file name and Content-Type. The generated client builds it from
// Blob arguments.
const (
	argsPart       = "args"
	filePartPrefix = "file"
)

// Bounds of uploads beside Options.MaxUploadBytes.
const (
	// DefaultMaxUploadBytes is the default bound of a multipart body.
	DefaultMaxUploadBytes = 32 << 20
	// maxFiles bounds the files of one call, maxParts its parts.
	maxFiles = 32
	maxParts = maxFiles + 64
	// fileMemory is how much of a file is kept in memory; the rest goes
	// to a temporary file, removed when the call returns.
	fileMemory = 256 << 10
)

// uploads holds the files of one call, by the name the arguments give
// them: the part's name in a call, name#i for the i-th file of a form
// field.
type uploads struct {
	files map[string]File
	form  map[string][]string // a form's file fields: the names of their files, in order
	temps []string            // temporary files to remove
}

// remove deletes the temporary files, whatever the call's outcome.
func (u *uploads) remove() {
	for _, name := range u.temps {
		os.Remove(name)
	}
	u.temps = nil
	u.files = nil
	u.form = nil
}

// isMultipart returns the boundary of a multipart/form-data content type.
func isMultipart(ct string) (string, bool) {
	if len(ct) < len("multipart/") || !strings.EqualFold(ct[:len("multipart/")], "multipart/") {
		return "", false // the usual JSON, without parsing
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return "", false
	}
	return params["boundary"], true
}

// readMultipart reads a multipart body: the args part into st.body, the
// files into st.uploads (spilling to disk past fileMemory), and, for a form
// (form not nil) whose first part is not args, the other fields into form.
// It returns the status and error to refuse the request with.
func (h *Handler) readMultipart(w http.ResponseWriter, r *http.Request, boundary string, st *callState, form url.Values) (int, error) {
	body := io.LimitReader(r.Body, h.maxUploadBytes+1)
	counted := &countingReader{r: body}
	mr := multipart.NewReader(counted, boundary)
	st.uploads.files = map[string]File{}
	for parts := 0; ; parts++ {
		part, err := mr.NextRawPart()
		if err == io.EOF {
			return 0, nil
		}
		if counted.n > h.maxUploadBytes {
			return http.StatusRequestEntityTooLarge, Errorf(CodeResourceExhausted, "the upload is larger than %d bytes", h.maxUploadBytes)
		}
		if err != nil {
			return h.readFailed(w, "multipart body", err)
		}
		if parts >= maxParts || len(st.uploads.files) > maxFiles {
			return http.StatusRequestEntityTooLarge, Errorf(CodeResourceExhausted, "the body has more than %d parts or %d files", maxParts, maxFiles)
		}
		name := part.FormName()
		if parts == 0 && name == argsPart {
			// A call from the generated client, args first: its files are
			// named by the args, not by form fields.
			form = nil
		}
		switch {
		case name == argsPart:
			if _, err := st.body.ReadFrom(io.LimitReader(part, h.maxBodyBytes+1)); err != nil {
				return h.uploadError(w, counted, err)
			}
			if int64(st.body.Len()) > h.maxBodyBytes {
				return http.StatusRequestEntityTooLarge, h.tooLarge()
			}
		case form != nil && part.FileName() != "":
			// A form's file input; an empty one (no file chosen) has an
			// empty file name and comes as a value.
			f, err := h.keepFile(part, &st.uploads)
			if err != nil {
				return h.uploadError(w, counted, err)
			}
			if st.uploads.form == nil {
				st.uploads.form = map[string][]string{}
			}
			ref := name + "#" + strconv.Itoa(len(st.uploads.form[name]))
			st.uploads.form[name] = append(st.uploads.form[name], ref)
			st.uploads.files[ref] = f
		case form == nil && strings.HasPrefix(name, filePartPrefix):
			if _, dup := st.uploads.files[name]; dup {
				return 0, Errorf(CodeInvalidArgument, "the body has two parts named %q", name)
			}
			f, err := h.keepFile(part, &st.uploads)
			if err != nil {
				return h.uploadError(w, counted, err)
			}
			st.uploads.files[name] = f
		case form != nil:
			var v bytes.Buffer
			if _, err := v.ReadFrom(io.LimitReader(part, h.maxBodyBytes+1)); err != nil {
				return h.uploadError(w, counted, err)
			}
			if int64(v.Len()) > h.maxBodyBytes {
				return http.StatusRequestEntityTooLarge, h.tooLarge()
			}
			form[name] = append(form[name], v.String())
		default:
			return 0, Errorf(CodeInvalidArgument, "unknown part %q: a call sends %q and files", name, argsPart)
		}
	}
}

// uploadError words an error reading a part.
func (h *Handler) uploadError(w http.ResponseWriter, counted *countingReader, err error) (int, error) {
	if counted.n > h.maxUploadBytes {
		return http.StatusRequestEntityTooLarge, Errorf(CodeResourceExhausted, "the upload is larger than %d bytes", h.maxUploadBytes)
	}
	return h.readFailed(w, "multipart body", err)
}

// keepFile keeps a file part: in memory up to fileMemory, the rest in a
// temporary file that u removes.
func (h *Handler) keepFile(part *multipart.Part, u *uploads) (File, error) {
	f := File{Name: part.FileName(), ContentType: part.Header.Get("Content-Type")}
	if f.ContentType == "" {
		f.ContentType = "application/octet-stream"
	}
	var head bytes.Buffer
	n, err := head.ReadFrom(io.LimitReader(part, fileMemory+1))
	if err != nil {
		return f, err
	}
	if n <= fileMemory {
		data := head.Bytes()
		f.Size = n
		f.open = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
		return f, nil
	}
	tmp, err := os.CreateTemp(h.uploadDir, "actions-upload-*")
	if err != nil {
		return f, fmt.Errorf("keeping an upload: %w", err)
	}
	u.temps = append(u.temps, tmp.Name())
	defer tmp.Close()
	if _, err := tmp.Write(head.Bytes()); err != nil {
		return f, err
	}
	rest, err := io.Copy(tmp, part)
	if err != nil {
		return f, err
	}
	name := tmp.Name()
	f.Size = n + rest
	f.open = func() (io.ReadCloser, error) { return os.Open(name) }
	return f, nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// fileUnmarshal is the codec's unmarshaler for the arguments of a multipart
// call: a File is the name of its part.
func (u *uploads) fileUnmarshal() *json.Unmarshalers {
	return json.UnmarshalFromFunc(func(dec *jsontext.Decoder, f *File) error {
		var name string
		if err := json.UnmarshalDecode(dec, &name); err != nil {
			return Errorf(CodeInvalidArgument, "a file is the name of the part that holds it")
		}
		got, ok := u.files[name]
		if !ok {
			return Errorf(CodeInvalidArgument, "no file part %q", name)
		}
		*f = got
		return nil
	})
}

// writeFile sends a File result as its bytes, read from rc, with its
// content type and name.
func writeFile(w http.ResponseWriter, f File, rc io.ReadCloser) error {
	defer rc.Close()
	hd := w.Header()
	ct := f.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	hd.Set("Content-Type", ct)
	hd["X-Content-Type-Options"] = nosniff
	hd["Cache-Control"] = noStore
	disposition := mime.FormatMediaType("attachment", map[string]string{"filename": f.Name})
	if disposition == "" {
		disposition = "attachment" // a name that cannot be written
	}
	hd.Set("Content-Disposition", disposition)
	if f.Size >= 0 {
		hd.Set("Content-Length", strconv.FormatInt(f.Size, 10))
	}
	w.WriteHeader(http.StatusOK)
	_, err := io.Copy(w, rc)
	return err
}
