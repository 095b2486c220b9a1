package actions_test

import (
	"bytes"
	"context"
	"encoding/json/v2"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/actionsgo/actions"
)

// orderForm is the struct parameter of the form actions.
type orderForm struct {
	Email string         `json:"email"`
	Qty   int8           `json:"qty"`
	Count uint16         `json:"count,omitempty"`
	Price float64        `json:"price,omitempty"`
	Gift  bool           `json:"gift"`
	Size  string         `json:"size,omitempty"`
	When  time.Time      `json:"when,omitzero"`
	Note  *string        `json:"note"`
	Tags  []string       `json:"tags"`
	Photo *actions.File  `json:"photo,omitempty"`
	Extra []actions.File `json:"extra"`
}

// orderFields is what the glue declares for orderForm.
var orderFields = []actions.FormField{
	{Name: "email", Kind: actions.FormString},
	{Name: "qty", Kind: actions.FormInt, Bits: 8},
	{Name: "count", Kind: actions.FormUint, Bits: 16, Optional: true},
	{Name: "price", Kind: actions.FormFloat, Bits: 64, Optional: true},
	{Name: "gift", Kind: actions.FormBool},
	{Name: "size", Kind: actions.FormString, Enum: []string{"S", "M", "L"}, Optional: true},
	{Name: "when", Kind: actions.FormTime, Optional: true},
	{Name: "note", Kind: actions.FormString, Optional: true},
	{Name: "tags", Kind: actions.FormString, Multiple: true},
	{Name: "photo", Kind: actions.FormFile, Optional: true},
	{Name: "extra", Kind: actions.FormFile, Multiple: true},
}

// placed is what the form action saw.
type placed struct {
	form      orderForm
	photo     string // the photo's bytes
	photoSize int64
}

func formActions(ran *atomic.Int64, got *placed) []actions.Action {
	return []actions.Action{{
		ID: "f.Place", Params: []actions.Parameter{actions.Param[orderForm]("form")}, Returns: true, Form: orderFields, Files: true,
		Call: func(ctx context.Context, args []any) (any, error) {
			ran.Add(1)
			f := *args[0].(*orderForm)
			got.form = f
			if f.Photo != nil {
				rc, err := f.Photo.Open()
				if err != nil {
					return nil, err
				}
				b, _ := io.ReadAll(rc)
				rc.Close()
				got.photo, got.photoSize = string(b), f.Photo.Size
			}
			switch f.Email {
			case "taken@example.com":
				return nil, actions.FieldErrors{"email": "is taken"}
			case "panic@example.com":
				panic("boom")
			case "fail@example.com":
				return nil, actions.Errorf(actions.CodeUnavailable, "closed")
			}
			actions.Redirect(ctx, "/orders/7")
			return "order 7", nil
		}}}
}

func postForm(h http.Handler, body string, header map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("POST", "/_actions/f.Place", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func fieldErrors(t *testing.T, body []byte) map[string]string {
	t.Helper()
	var e struct {
		Code    string `json:"code"`
		Details struct {
			Fields map[string]string `json:"fields"`
		} `json:"details"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("error body %s: %v", body, err)
	}
	return e.Details.Fields
}

// TestFormDecoder runs every field type and every refusal of the form
// decoder, as the generated client posts them (so the answer is JSON).
func TestFormDecoder(t *testing.T) {
	var ran atomic.Int64
	var got placed
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, formActions(&ran, &got))
	if err != nil {
		t.Fatal(err)
	}
	client := map[string]string{actions.ClientHeader: "ts"}
	w := postForm(h, "email=a%40b.c&qty=-128&count=65535&price=2.5&gift=on&size=M&when=2026-12-01T10:30&note=hi&tags=x&tags=y", client)
	note := "hi"
	want := orderForm{Email: "a@b.c", Qty: -128, Count: 65535, Price: 2.5, Gift: true, Size: "M", When: time.Date(2026, 12, 1, 10, 30, 0, 0, time.UTC), Note: &note, Tags: []string{"x", "y"}}
	if w.Code != 200 || !reflect.DeepEqual(got.form, want) {
		t.Fatalf("every field: %d %s\ngot  %+v\nwant %+v", w.Code, w.Body, got.form, want)
	}
	// Absent: a checkbox is false, a pointer nil, a slice empty; an empty
	// optional number is no number.
	w = postForm(h, "email=a&qty=1&when=2026-12-01&price=", client)
	if w.Code != 200 || got.form.Gift || got.form.Note != nil || len(got.form.Tags) != 0 || got.form.Price != 0 || !got.form.When.Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("absent fields: %d %s %+v", w.Code, w.Body, got.form)
	}
	w = postForm(h, "email=a&qty=1&when=2026-12-01T10:30:00%2B02:00&gift=false", client)
	if w.Code != 200 || got.form.Gift || !got.form.When.Equal(time.Date(2026, 12, 1, 8, 30, 0, 0, time.UTC)) {
		t.Errorf("RFC 3339 time, false checkbox: %d %s %+v", w.Code, w.Body, got.form)
	}
	before := ran.Load()
	for _, tc := range []struct {
		name, body, field, msg string
	}{
		{"unknown name", "email=a&qty=1&admin=1", "admin", "is not a field of this form"},
		{"bad number", "email=a&qty=x", "qty", "must be a whole number from -128 to 127"},
		{"out of range", "email=a&qty=300", "qty", "must be a whole number from -128 to 127"},
		{"negative unsigned", "email=a&qty=1&count=-1", "count", "must be a whole number from 0 to 65535"},
		{"bad float", "email=a&qty=1&price=1e999", "price", "must be a number"},
		{"bad enum", "email=a&qty=1&size=XL", "size", "must be one of S, M, L"},
		{"bad time", "email=a&qty=1&when=tomorrow", "when", "must be a date, a date and time, or an RFC 3339 time"},
		{"bad bool", "email=a&qty=1&gift=maybe", "gift", "must be true or false"},
		{"missing", "qty=1", "email", "is required"},
		{"twice", "email=a&email=b&qty=1", "email", "is given more than once"},
		{"from the action", "email=taken%40example.com&qty=1", "email", "is taken"},
	} {
		w := postForm(h, tc.body, client)
		fields := fieldErrors(t, w.Body.Bytes())
		if w.Code != 400 || fields[tc.field] != tc.msg {
			t.Errorf("%s: %d %s, want 400 with %s %q", tc.name, w.Code, w.Body, tc.field, tc.msg)
		}
	}
	if n := ran.Load() - before; n != 1 { // only "from the action" runs it
		t.Errorf("refused forms ran the action %d times", n)
	}
}

// TestFormWithoutJavaScript posts forms as a browser without JavaScript
// does: it is sent on with 303 See Other, and the page it lands on reads
// the outcome once.
func TestFormWithoutJavaScript(t *testing.T) {
	var ran atomic.Int64
	var got placed
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, formActions(&ran, &got))
	if err != nil {
		t.Fatal(err)
	}
	browser := map[string]string{"Origin": "http://example.com", "Referer": "http://example.com/checkout?step=2"}
	outcome := func(w *httptest.ResponseRecorder) *actions.FormOutcome {
		t.Helper()
		r := httptest.NewRequest("GET", "/checkout", nil)
		for _, c := range w.Result().Cookies() {
			r.AddCookie(c)
		}
		page := httptest.NewRecorder()
		o, ok := h.FormResult(page, r)
		if !ok {
			t.Fatalf("no outcome for the page; cookies %v", w.Result().Cookies())
		}
		if cleared := page.Result().Cookies(); len(cleared) != 1 || cleared[0].MaxAge >= 0 {
			t.Errorf("FormResult did not clear the outcome: %v", cleared)
		}
		return o
	}

	w := postForm(h, "email=a&qty=1", browser)
	if w.Code != 303 || w.Header().Get("Location") != "/orders/7" {
		t.Fatalf("success: %d %v", w.Code, w.Header())
	}
	if o := outcome(w); !o.OK || o.Action != "f.Place" || o.Values != nil {
		t.Errorf("success outcome %+v", o)
	}

	w = postForm(h, "email=a&qty=300&note=keep+me", browser)
	if w.Code != 303 || w.Header().Get("Location") != "/checkout?step=2" {
		t.Fatalf("a bad value: %d %v, want 303 back to the form", w.Code, w.Header())
	}
	o := outcome(w)
	if o.OK || o.Code != actions.CodeInvalidArgument || o.Fields["qty"] == "" || o.Values["note"][0] != "keep me" || o.Values["qty"][0] != "300" {
		t.Errorf("refusal outcome %+v", o)
	}
	for email, code := range map[string]actions.Code{"panic@example.com": actions.CodeInternal, "fail@example.com": actions.CodeUnavailable} {
		w := postForm(h, "email="+url.QueryEscape(email)+"&qty=1", map[string]string{"Origin": "http://example.com"})
		if o := outcome(w); w.Code != 303 || w.Header().Get("Location") != "/" || o.Code != code {
			t.Errorf("%s: %d %v %+v, want 303 to / with %s", email, w.Code, w.Header(), o, code)
		}
	}
	// A Referer of another site is not followed.
	if w := postForm(h, "email=a&qty=x", map[string]string{"Referer": "https://evil.example/x"}); w.Header().Get("Location") != "/" {
		t.Errorf("a foreign Referer: Location %q", w.Header().Get("Location"))
	}
	// A cross-site form post is refused, as a JSON call would be.
	before := ran.Load()
	for _, hd := range []map[string]string{{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}} {
		if w := postForm(h, "email=a&qty=1", hd); w.Code != 403 {
			t.Errorf("cross-site form %v: %d %v", hd, w.Code, w.Header())
		}
	}
	if ran.Load() != before {
		t.Error("a cross-site form ran the action")
	}
	// An outcome this handler did not sign is none.
	other, _ := actions.New(actions.Options{}, formActions(&ran, &got))
	r := httptest.NewRequest("GET", "/", nil)
	for _, c := range postForm(other, "email=a&qty=1", browser).Result().Cookies() {
		r.AddCookie(c)
	}
	if _, ok := h.FormResult(httptest.NewRecorder(), r); ok {
		t.Error("an outcome signed by another key was read")
	}
}

// multipartBody writes a multipart body of the given fields and files.
func multipartBody(t *testing.T, fields [][2]string, files map[string][]byte) (string, *bytes.Buffer) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, f := range fields {
		mw.WriteField(f[0], f[1])
	}
	for _, name := range sortedNames(files) {
		fw, err := mw.CreateFormFile(strings.TrimSuffix(name, "#2"), name+".bin")
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(files[name])
	}
	mw.Close()
	return mw.FormDataContentType(), &b
}

func sortedNames(m map[string][]byte) []string {
	var names []string
	for n := range m {
		names = append(names, n)
	}
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if names[j] < names[i] {
				names[i], names[j] = names[j], names[i]
			}
		}
	}
	return names
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestUploads sends files the two ways: a form's file inputs, and a call's
// Blob arguments (the args part and a part per file); checks the limits,
// and that no temporary file outlives its call.
func TestUploads(t *testing.T) {
	var ran atomic.Int64
	var got placed
	dir := t.TempDir()
	uploadActions := append(formActions(&ran, &got), actions.Action{
		ID: "f.Store", Params: []actions.Parameter{actions.Param[string]("title"), actions.Param[actions.File]("file")}, Returns: true, Files: true,
		Call: func(ctx context.Context, args []any) (any, error) {
			f := *args[1].(*actions.File)
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			n, _ := io.Copy(io.Discard, rc)
			if left := listDir(t, dir); f.Size > 256<<10 && len(left) != 1 {
				t.Errorf("a large upload is not in one temporary file: %v", left)
			}
			switch *args[0].(*string) {
			case "panic":
				panic("boom")
			case "fail":
				return nil, actions.Errorf(actions.CodeUnavailable, "the store is closed")
			}
			return fmt.Sprintf("%s %s %s %d", *args[0].(*string), f.Name, f.ContentType, n), nil
		}})
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler), UploadDir: dir, MaxUploadBytes: 40 << 20}, uploadActions)
	if err != nil {
		t.Fatal(err)
	}
	send := func(id, ct string, body io.Reader, header map[string]string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/_actions/"+id, body)
		r.Header.Set("Content-Type", ct)
		r.Header.Set(actions.ClientHeader, "ts")
		for k, v := range header {
			r.Header.Set(k, v)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}

	// A form with file inputs.
	photo := bytes.Repeat([]byte("p"), 300<<10) // spills to disk
	ct, body := multipartBody(t, [][2]string{{"email", "a"}, {"qty", "1"}, {"tags", "t"}}, map[string][]byte{"photo": photo, "extra": []byte("e1"), "extra#2": []byte("e2")})
	if w := send("f.Place", ct, body, nil); w.Code != 200 || got.photo != string(photo) || got.photoSize != int64(len(photo)) || len(got.form.Extra) != 2 || got.form.Tags[0] != "t" {
		t.Errorf("a form with files: %d %s; photo %d bytes, extra %d", w.Code, w.Body, len(got.photo), len(got.form.Extra))
	}
	// A call with a Blob argument.
	ct, body = multipartBody(t, [][2]string{{"args", `["notes","file0"]`}}, map[string][]byte{"file0": []byte("hello")})
	if w := send("f.Store", ct, body, nil); w.Code != 200 || w.Body.String() != `"notes file0.bin application/octet-stream 5"` {
		t.Errorf("a call with a file: %d %s", w.Code, w.Body)
	}

	for _, tc := range []struct {
		name   string
		fields [][2]string
		files  map[string][]byte
		status int
		msg    string
	}{
		{"no such file part", [][2]string{{"args", `["a","file1"]`}}, map[string][]byte{"file0": []byte("x")}, 400, `no file part \"file1\"`},
		{"a file as JSON", [][2]string{{"args", `["a",{"Name":"x"}]`}}, nil, 400, "a file is the name of the part that holds it"},
		{"an unknown part", [][2]string{{"args", `["a","file0"]`}, {"other", "x"}}, map[string][]byte{"file0": []byte("x")}, 400, `unknown part \"other\"`},
		{"too many parts", func() [][2]string {
			f := [][2]string{{"args", `["a","file0"]`}}
			return f
		}(), func() map[string][]byte {
			m := map[string][]byte{}
			for i := range 40 {
				m[fmt.Sprintf("file%02d", i)] = []byte("x")
			}
			return m
		}(), 413, "more than"},
		{"a missing required file", [][2]string{{"email", "a"}, {"qty", "1"}}, nil, 200, ""},
	} {
		ct, body := multipartBody(t, tc.fields, tc.files)
		id := "f.Store"
		if tc.fields[0][0] == "email" {
			id = "f.Place"
		}
		w := send(id, ct, body, nil)
		if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.msg) {
			t.Errorf("%s: %d %s, want %d %q", tc.name, w.Code, w.Body, tc.status, tc.msg)
		}
	}
	// Over MaxUploadBytes, by Content-Length and by the bytes.
	ct, body = multipartBody(t, [][2]string{{"args", `["a","file0"]`}}, map[string][]byte{"file0": make([]byte, 41<<20)})
	if w := send("f.Store", ct, bytes.NewReader(body.Bytes()), nil); w.Code != 413 {
		t.Errorf("over the upload bound: %d %s", w.Code, w.Body)
	}
	r := httptest.NewRequest("POST", "/_actions/f.Store", io.MultiReader(bytes.NewReader(body.Bytes())))
	r.ContentLength = -1
	r.Header.Set("Content-Type", ct)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 413 {
		t.Errorf("over the upload bound, with no Content-Length: %d %s", w.Code, w.Body)
	}
	// An error and a panic with a file on disk: the file goes too.
	for title, status := range map[string]int{"fail": 503, "panic": 500} {
		ct, body = multipartBody(t, [][2]string{{"args", `["` + title + `","file0"]`}}, map[string][]byte{"file0": photo})
		if w := send("f.Store", ct, body, nil); w.Code != status {
			t.Errorf("%s: %d %s", title, w.Code, w.Body)
		}
		if left := listDir(t, dir); len(left) != 0 {
			t.Errorf("temporary files left after %s: %v", title, left)
		}
	}
	if left := listDir(t, dir); len(left) != 0 {
		t.Errorf("temporary files left after the calls: %v", left)
	}

	// A 32 MiB upload streams to disk: the heap grows by far less.
	big := bytes.Repeat([]byte("0123456789abcdef"), 2<<20)
	ct, body = multipartBody(t, [][2]string{{"args", `["big","file0"]`}}, map[string][]byte{"file0": big})
	raw := body.Bytes()
	big = nil
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	w = send("f.Store", ct, bytes.NewReader(raw), nil)
	runtime.ReadMemStats(&after)
	grown := int64(after.TotalAlloc - before.TotalAlloc)
	t.Logf("a 32 MiB upload allocated %.1f MiB while it was served", float64(grown)/(1<<20))
	if w.Code != 200 || !strings.HasSuffix(w.Body.String(), fmt.Sprintf(" %d\"", 32<<20)) {
		t.Errorf("the 32 MiB upload: %d %s", w.Code, w.Body)
	}
	if grown > 4<<20 {
		t.Errorf("a 32 MiB upload allocated %d bytes", grown)
	}
	if left := listDir(t, dir); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestDownload returns files, from bytes and from a reader.
func TestDownload(t *testing.T) {
	h, err := actions.New(actions.Options{}, []actions.Action{
		{ID: "d.Receipt", Returns: true, Call: func(ctx context.Context, args []any) (any, error) {
			f := actions.FileFromBytes("receipt 7.txt", "text/plain; charset=utf-8", []byte("thank you"))
			return &f, nil
		}},
		{ID: "d.Stream", Returns: true, Call: func(ctx context.Context, args []any) (any, error) {
			return actions.FileFromReader("data.csv", "text/csv", strings.NewReader("a,b\n")), nil
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string][3]string{
		"d.Receipt": {"thank you", "text/plain; charset=utf-8", `attachment; filename="receipt 7.txt"`},
		"d.Stream":  {"a,b\n", "text/csv", "attachment; filename=data.csv"},
	} {
		r := httptest.NewRequest("POST", "/_actions/"+id, nil)
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 || w.Body.String() != want[0] || w.Header().Get("Content-Type") != want[1] || w.Header().Get("Content-Disposition") != want[2] || w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: %d %q %v", id, w.Code, w.Body, w.Header())
		}
	}
}

// FuzzFormDecoder posts arbitrary URL-encoded forms to the form action. The
// oracle: no panic and no internal error; an accepted form has only known
// names, each single-valued field at most once, the required ones present,
// and the action got exactly the values strconv reads from the text; a
// refused one names a field at fault that is in the form or required.
func FuzzFormDecoder(f *testing.F) {
	for _, seed := range []string{
		"email=a&qty=1", "email=a&qty=-128&count=65535&price=2.5&gift=on&size=M&when=2026-12-01T10:30&note=hi&tags=x&tags=y",
		"qty=300", "email=a&email=b", "email=a&qty=1&size=XL", "email=%zz", "email=a&qty=1&when=2026-13-40", "email=a&qty=+1&price=NaN",
	} {
		f.Add(seed)
	}
	var ran atomic.Int64
	var got placed
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, formActions(&ran, &got))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		values, parseErr := url.ParseQuery(body)
		got = placed{}
		before := ran.Load()
		w := postForm(h, body, map[string]string{actions.ClientHeader: "ts"})
		accepted := ran.Load() > before
		switch {
		case w.Code == 500:
			t.Fatalf("%q: an internal error: %s", body, w.Body)
		case accepted && parseErr != nil:
			t.Fatalf("%q ran though it is not URL-encoded: %v", body, parseErr)
		case !accepted && w.Code != 400:
			t.Fatalf("%q: refused with %d %s", body, w.Code, w.Body)
		}
		if !accepted {
			if parseErr != nil {
				return
			}
			sent := map[string]bool{}
			for name := range values {
				sent[strings.ToValidUTF8(name, "\uFFFD")] = true // as the error names it
			}
			for name := range fieldErrors(t, w.Body.Bytes()) {
				if !sent[name] && name != "email" && name != "qty" {
					t.Fatalf("%q: refused for field %s, which it does not have and need not", body, name)
				}
			}
			return
		}
		known := map[string]bool{}
		for _, ff := range orderFields {
			known[ff.Name] = true
			if vs := values[ff.Name]; len(vs) > 1 && !ff.Multiple {
				t.Fatalf("%q ran with %s given %d times", body, ff.Name, len(vs))
			}
		}
		for name := range values {
			if !known[name] {
				t.Fatalf("%q ran with the unknown field %q", body, name)
			}
		}
		one := func(name string) string {
			if len(values[name]) == 0 {
				return ""
			}
			return values[name][0]
		}
		if _, ok := values["email"]; !ok || got.form.Email != one("email") {
			t.Fatalf("%q ran with email %q", body, got.form.Email)
		}
		if n, err := strconv.ParseInt(strings.TrimSpace(one("qty")), 10, 8); err != nil || int8(n) != got.form.Qty {
			t.Fatalf("%q ran with qty %d (strconv: %d, %v)", body, got.form.Qty, n, err)
		}
		if s := one("size"); s != "" && s != "S" && s != "M" && s != "L" {
			t.Fatalf("%q ran with size %q", body, s)
		}
		if !slices.Equal(got.form.Tags, values["tags"]) && len(got.form.Tags)+len(values["tags"]) > 0 {
			t.Fatalf("%q ran with tags %q", body, got.form.Tags)
		}
		if g := one("gift"); got.form.Gift != (g == "on" || g == "true" || g == "1") {
			t.Fatalf("%q ran with gift %v", body, got.form.Gift)
		}
	})
}
