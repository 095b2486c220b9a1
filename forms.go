package actions

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json/jsontext"
	"encoding/json/v2"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// FormKind is how a form field's text becomes its JSON value.
type FormKind uint8

// The kinds of form fields.
const (
	FormString FormKind = iota + 1 // the text as is
	FormBool                       // a checkbox: "on", "true" or "1" is true; "false", "0", "" or absent is false
	FormInt                        // a decimal integer of Bits bits
	FormUint                       // a non-negative decimal integer of Bits bits
	FormFloat                      // a decimal number of Bits bits
	FormTime                       // RFC 3339, or a date or datetime-local input's value (taken as UTC)
	FormFile                       // a file input
)

// FormField is one member of a form action's struct parameter, as the glue
// declares it: the form field of the same name fills it.
type FormField struct {
	Name     string   // the JSON member name, and the form field's
	Kind     FormKind // how its text converts
	Bits     int      // the size of a FormInt, FormUint or FormFloat
	Enum     []string // the allowed values, when the type is an enum
	Multiple bool     // a slice: every value of the name, in order
	Optional bool     // a pointer or an omitted member: absent is left out
}

// formField returns the field called name.
func formField(fields []FormField, name string) *FormField {
	for i := range fields {
		if fields[i].Name == name {
			return &fields[i]
		}
	}
	return nil
}

// formJSON writes the JSON array of the one argument that the form values
// fill, by fields, into buf; the files of a multipart form are in files,
// by field name, as the names their File arguments decode from. A field
// that is unknown, badly formed or missing is reported in the FieldErrors,
// by name.
func formJSON(buf *bytes.Buffer, fields []FormField, values url.Values, files map[string][]string) error {
	problems := FieldErrors{}
	for name := range values {
		if formField(fields, name) == nil {
			problems[strings.ToValidUTF8(name, "\uFFFD")] = "is not a field of this form"
		}
	}
	for name := range files {
		if f := formField(fields, name); f == nil || f.Kind != FormFile {
			problems[name] = "is not a file field of this form"
		}
	}
	enc := &tokenWriter{enc: jsontext.NewEncoder(buf)}
	enc.WriteToken(jsontext.BeginArray)
	enc.WriteToken(jsontext.BeginObject)
	for i := range fields {
		f := &fields[i]
		var tokens []jsontext.Token
		if f.Kind == FormFile {
			refs := files[f.Name]
			if len(refs) == 0 && !f.Optional && !f.Multiple {
				problems[f.Name] = "is required: choose a file"
			}
			if len(refs) > 1 && !f.Multiple {
				problems[f.Name] = "takes one file"
			}
			if len(refs) == 0 || problems[f.Name] != "" {
				continue
			}
			for _, ref := range refs {
				tokens = append(tokens, jsontext.String(ref))
			}
		} else if vs, ok := formValues(f, values, problems); ok {
			for _, v := range vs {
				t, problem := formValue(f, v)
				if problem != "" {
					problems[f.Name] = problem
					break
				}
				tokens = append(tokens, t)
			}
			if problems[f.Name] != "" {
				continue
			}
		} else {
			continue
		}
		enc.WriteToken(jsontext.String(f.Name))
		if f.Multiple {
			enc.WriteToken(jsontext.BeginArray)
		}
		for _, t := range tokens {
			enc.WriteToken(t)
		}
		if f.Multiple {
			enc.WriteToken(jsontext.EndArray)
		}
	}
	enc.WriteToken(jsontext.EndObject)
	enc.WriteToken(jsontext.EndArray)
	if len(problems) > 0 {
		return problems
	}
	return enc.err // the values are checked: a bug of this file's
}

// tokenWriter writes tokens until the first error, which it keeps: a
// token the encoder refused must not shift the tokens after it.
type tokenWriter struct {
	enc *jsontext.Encoder
	err error
}

func (w *tokenWriter) WriteToken(t jsontext.Token) {
	if w.err == nil {
		w.err = w.enc.WriteToken(t)
	}
}

// formValues returns the texts of field f, and whether the member is to be
// written: an absent checkbox is false, an absent optional field or slice
// is left out, an absent required field is a problem.
func formValues(f *FormField, values url.Values, problems FieldErrors) ([]string, bool) {
	vs, present := values[f.Name]
	switch {
	case !present && f.Kind == FormBool && !f.Multiple:
		// An unchecked checkbox is not sent: it is false.
		return []string{""}, true
	case !present && (f.Optional || f.Multiple):
		return nil, false
	case !present:
		problems[f.Name] = "is required"
		return nil, false
	case !f.Multiple && len(vs) > 1:
		problems[f.Name] = "is given more than once"
		return nil, false
	case f.Optional && !f.Multiple && vs[0] == "" && f.Kind != FormString:
		// An empty optional input is no value, not a bad one.
		return nil, false
	}
	return vs, true
}

// formValue converts one value of a form field.
func formValue(f *FormField, v string) (jsontext.Token, string) {
	if !utf8.ValidString(v) {
		return jsontext.Token{}, "is not valid UTF-8 text"
	}
	if len(f.Enum) > 0 && !slices.Contains(f.Enum, v) {
		return jsontext.Token{}, "must be one of " + strings.Join(f.Enum, ", ")
	}
	switch f.Kind {
	case FormString:
		return jsontext.String(v), ""
	case FormBool:
		switch v {
		case "on", "true", "1":
			return jsontext.True, ""
		case "", "off", "false", "0":
			return jsontext.False, ""
		}
		return jsontext.Token{}, "must be true or false"
	case FormInt:
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, f.Bits)
		if err != nil {
			lo, hi := int64(math.MinInt64)>>(64-f.Bits), int64(math.MaxInt64)>>(64-f.Bits)
			return jsontext.Token{}, "must be a whole number from " + strconv.FormatInt(lo, 10) + " to " + strconv.FormatInt(hi, 10)
		}
		return jsontext.Int(n), ""
	case FormUint:
		n, err := strconv.ParseUint(strings.TrimSpace(v), 10, f.Bits)
		if err != nil {
			hi := uint64(math.MaxUint64) >> (64 - f.Bits)
			return jsontext.Token{}, "must be a whole number from 0 to " + strconv.FormatUint(hi, 10)
		}
		return jsontext.Uint(n), ""
	case FormFloat:
		n, err := strconv.ParseFloat(strings.TrimSpace(v), f.Bits)
		if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
			return jsontext.Token{}, "must be a number"
		}
		return jsontext.Float(n), ""
	case FormTime:
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
			if t, err := time.Parse(layout, v); err == nil {
				return jsontext.String(t.Format(time.RFC3339Nano)), ""
			}
		}
		return jsontext.Token{}, "must be a date, a date and time, or an RFC 3339 time"
	}
	return jsontext.Token{}, "cannot come from a form"
}

// ClientHeader is the request header by which the generated client says
// that it made a call. A form post without it comes from a browser without
// JavaScript, and gets a redirect instead of JSON.
const ClientHeader = "Actions-Client"

// RedirectHeader is the response header that tells the generated client
// where the action's Redirect sends a form's page.
const RedirectHeader = "Actions-Redirect"

// Redirect sets where a form post without JavaScript goes once the action
// returns: a path of this site ("/orders/42"), which the generated client
// learns too (its <name>Form state has it as redirect). A path that is not
// of this site (a scheme, a host, "//") is ignored.
func Redirect(ctx context.Context, path string) {
	c := fromContext(ctx)
	if c == nil || !sameSitePath(path) {
		return
	}
	o := c.lockedSet()
	defer o.mu.Unlock()
	if !o.sent {
		o.redirect = path
		o.headerLocked().Set(RedirectHeader, path)
	}
}

// sameSitePath reports whether p is a path of this site, which a Location
// header cannot take for another.
func sameSitePath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") || strings.ContainsAny(p, "\r\n\x00") {
		return false
	}
	u, err := url.Parse(p)
	return err == nil && u.Scheme == "" && u.Host == ""
}

// backTo returns where a form post without JavaScript is sent back to: the
// request's Referer if it is of the same host, else "/".
func backTo(r *http.Request) string {
	ref, err := url.Parse(r.Header.Get("Referer"))
	if err != nil || ref.Host != r.Host || ref.Scheme != "http" && ref.Scheme != "https" {
		return "/"
	}
	p := ref.EscapedPath()
	if ref.RawQuery != "" {
		p += "?" + ref.RawQuery
	}
	if !sameSitePath(p) {
		return "/"
	}
	return p
}

// FormOutcome is what a form post without JavaScript came to, for the page
// it lands on to show: read it with Handler.FormResult.
type FormOutcome struct {
	Action string            `json:"action"`           // the action's ID
	OK     bool              `json:"ok"`               // the action succeeded
	Code   Code              `json:"code,omitempty"`   // the error's code, when not OK
	Error  string            `json:"error,omitempty"`  // the error's message, as the client may see it
	Fields map[string]string `json:"fields,omitempty"` // the field errors
	// Values are the submitted values (not files), to fill the form again
	// after an error; kept only then.
	Values map[string][]string `json:"values,omitempty"`
}

// formCookie is the cookie that carries a FormOutcome to the next page: a
// short-lived, HttpOnly, SameSite=Lax cookie, signed so that no other site
// can forge one (and none can read it).
const (
	formCookie    = "actions_form"
	formCookieAge = 60 // seconds
	maxFormCookie = 3800
)

// formKey returns the key that signs form outcomes: Options.FormKey, or a
// random one made by New (then only this process can read them).
func newFormKey(key []byte) []byte {
	if len(key) > 0 {
		return slices.Clone(key)
	}
	k := make([]byte, 32)
	rand.Read(k)
	return k
}

// setFormOutcome sets the outcome cookie on w.
func (h *Handler) setFormOutcome(w http.ResponseWriter, r *http.Request, o *FormOutcome) {
	value := h.signOutcome(o)
	if len(value) > maxFormCookie {
		o.Values = nil // too large to carry: the form comes back empty
		value = h.signOutcome(o)
	}
	if len(value) > maxFormCookie {
		o.Fields = nil
		value = h.signOutcome(o)
	}
	http.SetCookie(w, &http.Cookie{
		Name: formCookie, Value: value, Path: "/", MaxAge: formCookieAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil,
	})
}

func (h *Handler) signOutcome(o *FormOutcome) string {
	payload, _ := json.Marshal(o)
	mac := hmac.New(sha256.New, h.formKey)
	mac.Write(payload)
	return base64.RawURLEncoding.EncodeToString(payload) + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// FormResult returns the outcome of the form post without JavaScript that
// sent the browser to this page, once: it clears the cookie that carried it
// on w. A request with no outcome, or with one this handler did not sign
// (another site's, or a forged one), has none.
func (h *Handler) FormResult(w http.ResponseWriter, r *http.Request) (*FormOutcome, bool) {
	c, err := r.Cookie(formCookie)
	if err != nil {
		return nil, false
	}
	http.SetCookie(w, &http.Cookie{Name: formCookie, Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	payload64, sig64, ok := strings.Cut(c.Value, ".")
	if !ok {
		return nil, false
	}
	payload, err1 := base64.RawURLEncoding.DecodeString(payload64)
	sig, err2 := base64.RawURLEncoding.DecodeString(sig64)
	if err1 != nil || err2 != nil {
		return nil, false
	}
	mac := hmac.New(sha256.New, h.formKey)
	mac.Write(payload)
	if !hmac.Equal(sig, mac.Sum(nil)) {
		return nil, false
	}
	var o FormOutcome
	if json.Unmarshal(payload, &o) != nil {
		return nil, false
	}
	return &o, true
}
