package actions

import "net/http"

// requestHeaders are the request headers the handler reads, gathered once.
// A call reads about ten headers, most of them absent; readHeaders takes
// them in the cheaper of two ways (BenchmarkReadHeaders).
//
// Each holds the first value of its header, as Header.Get returns it. The
// server canonicalizes the keys of the requests it reads, so the map is
// indexed with canonical keys, sparing Header.Get's canonicalizing of its
// key on every call.
type requestHeaders struct {
	contentType     string
	contentEncoding []string // every value: only identity is accepted
	fingerprint     string   // FingerprintHeader
	int64s          string   // Int64Header
	timeout         string   // TimeoutHeader
	fetchSite       string   // Sec-Fetch-Site
	origin          string
	client          bool // ClientHeader is present: the generated client sent the call

	// Of the content type: multipart/form-data, and its boundary.
	multipart bool
	boundary  string
}

// smallHeader is the most entries of a header map that readHeaders walks.
// Up to eight, a map is one group of slots: walking it costs less than the
// lookups, each of which compares the key with every slot. A larger map
// hashes a key once and looks in one group, and a walk over it costs more
// than the lookups: a browser sends a dozen headers or more.
const smallHeader = 8

// readHeaders returns the headers of h that the handler reads.
func readHeaders(h http.Header) requestHeaders {
	var rh requestHeaders
	if len(h) <= smallHeader {
		rh = walkHeaders(h)
	} else {
		rh = lookUpHeaders(h)
	}
	rh.boundary, rh.multipart = isMultipart(rh.contentType)
	return rh
}

// walkHeaders returns the headers of h that the handler reads, walking h.
func walkHeaders(h http.Header) requestHeaders {
	var rh requestHeaders
	for k, v := range h {
		if len(v) == 0 {
			continue
		}
		switch k {
		case "Content-Type":
			rh.contentType = v[0]
		case "Content-Encoding":
			rh.contentEncoding = v
		case FingerprintHeader:
			rh.fingerprint = v[0]
		case Int64Header:
			rh.int64s = v[0]
		case TimeoutHeader:
			rh.timeout = v[0]
		case "Sec-Fetch-Site":
			rh.fetchSite = v[0]
		case "Origin":
			rh.origin = v[0]
		case ClientHeader:
			rh.client = true
		}
	}
	return rh
}

// lookUpHeaders returns the headers of h that the handler reads, looking
// each up.
func lookUpHeaders(h http.Header) requestHeaders {
	rh := requestHeaders{
		contentType:     headerValue(h, "Content-Type"),
		contentEncoding: h["Content-Encoding"],
		fingerprint:     headerValue(h, FingerprintHeader),
		int64s:          headerValue(h, Int64Header),
		timeout:         headerValue(h, TimeoutHeader),
		fetchSite:       headerValue(h, "Sec-Fetch-Site"),
		origin:          headerValue(h, "Origin"),
		client:          len(h[ClientHeader]) > 0,
	}
	if len(rh.contentEncoding) == 0 {
		rh.contentEncoding = nil
	}
	return rh
}

// sameOriginOrNoBrowser reports whether the headers of a POST request are
// ones that http.CrossOriginProtection.Check lets through whatever its
// settings: a Sec-Fetch-Site of same-origin or none, or neither
// Sec-Fetch-Site nor Origin (a same-origin request or no browser's). The
// usual requests skip Check's own header lookups; Check decides all the
// others.
func (rh *requestHeaders) sameOriginOrNoBrowser() bool {
	switch rh.fetchSite {
	case "same-origin", "none":
		return true
	case "":
		return rh.origin == ""
	}
	return false
}

// headerValue returns the first value of the header named key, which must be
// in canonical form.
func headerValue(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}
