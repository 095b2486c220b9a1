package actions

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
)

// TestStaleClient checks the fingerprint check: a call whose
// Actions-Fingerprint differs from the action's, or that names an action
// the server does not have, gets stale_client (409) before its body is
// read; the right fingerprint, no header, or an action without a
// fingerprint are served as before.
func TestStaleClient(t *testing.T) {
	var calls atomic.Int64
	h := NewHandler([]Action{
		{ID: "s.Echo", Fingerprint: "0123456789ab", Params: []Parameter{Param[string]("s")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				calls.Add(1)
				return *args[0].(*string), nil
			}},
		{ID: "s.Read", Fingerprint: "ba9876543210", Get: true, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				calls.Add(1)
				return "read", nil
			}},
		{ID: "s.Unchecked", Params: []Parameter{Param[string]("s")}, Returns: true,
			Call: func(ctx context.Context, args []any) (any, error) {
				calls.Add(1)
				return *args[0].(*string), nil
			}},
	})
	for _, tc := range []struct {
		name, method, path, body, fingerprint string
		status                                int
		code                                  Code
	}{
		{"the same shape", "POST", "/_actions/s.Echo", `["a"]`, "0123456789ab", 200, ""},
		{"no header", "POST", "/_actions/s.Echo", `["a"]`, "", 200, ""},
		{"another shape", "POST", "/_actions/s.Echo", `["a"]`, "ffffffffffff", 409, CodeStaleClient},
		// Before the body is decoded: a body of the old shape is no
		// invalid_argument.
		{"another shape, a body it would refuse", "POST", "/_actions/s.Echo", `[1, 2]`, "ffffffffffff", 409, CodeStaleClient},
		{"an action that is gone", "POST", "/_actions/s.Gone", `[]`, "ffffffffffff", 409, CodeStaleClient},
		{"an action that is gone, no header", "POST", "/_actions/s.Gone", `[]`, "", 404, CodeNotFound},
		// A get action that stopped being one: its old GET is stale, not
		// a wrong method.
		{"a GET with another shape", "GET", "/_actions/s.Echo?args=%5B%22a%22%5D", "", "ffffffffffff", 409, CodeStaleClient},
		{"a GET of the same shape", "GET", "/_actions/s.Read", "", "ba9876543210", 200, ""},
		{"an action without a fingerprint", "POST", "/_actions/s.Unchecked", `["a"]`, "ffffffffffff", 200, ""},
	} {
		before := calls.Load()
		header := map[string]string{}
		if tc.fingerprint != "" {
			header[FingerprintHeader] = tc.fingerprint
		}
		res := serve(h, tc.method, tc.path, tc.body, header)
		if res.status != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.name, res.status, tc.status, res.body)
			continue
		}
		ran := calls.Load() != before
		if tc.code != "" {
			if e := decodeError(t, res.body); e.Code != tc.code {
				t.Errorf("%s: code %q, want %q", tc.name, e.Code, tc.code)
			}
			if ran {
				t.Errorf("%s: the action ran", tc.name)
			}
		} else if !ran {
			t.Errorf("%s: the action did not run", tc.name)
		}
	}
	if got := CodeStaleClient.HTTPStatus(); got != http.StatusConflict {
		t.Errorf("stale_client is sent with %d, want 409", got)
	}

	// A read's answer depends on the fingerprint: caches must keep them
	// apart.
	res := serve(h, "GET", "/_actions/s.Read", "", map[string]string{FingerprintHeader: "ba9876543210"})
	if vary := res.header.Values("Vary"); !contains(vary, FingerprintHeader) {
		t.Errorf("a read's Vary is %q, want it to name %s", vary, FingerprintHeader)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
