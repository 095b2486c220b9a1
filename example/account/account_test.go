package account

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/internal/shoptest"
)

// whoami is an action for the tests of RequireSession: it answers with
// the email address of the user the interceptor found.
var whoami = actions.Action{
	ID:      "test.Whoami",
	Returns: true,
	Call: func(ctx context.Context, _ []any) (any, error) {
		u, ok := SignedIn(ctx)
		if !ok {
			return "nobody", nil
		}
		return u.Email, nil
	},
}

type server struct {
	t     *testing.T
	store *Store
	h     http.Handler
}

func newServer(t *testing.T) *server {
	s := NewStore(shoptest.DB(t))
	s.iterations = 1000 // the tests need no protection against guessing
	h, err := actions.New(actions.Options{}, StoreActions(s), actions.Intercept([]actions.Action{whoami}, s.RequireSession))
	if err != nil {
		t.Fatal(err)
	}
	return &server{t: t, store: s, h: h}
}

// call posts a call of action id with the JSON body and the cookies, and
// returns the response and its body.
func (s *server) call(target, id, body string, cookies ...*http.Cookie) (*http.Response, string) {
	s.t.Helper()
	req := httptest.NewRequest("POST", target+"/_actions/"+id, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for _, c := range cookies {
		req.AddCookie(c)
	}
	w := httptest.NewRecorder()
	s.h.ServeHTTP(w, req)
	return w.Result(), strings.TrimSpace(w.Body.String())
}

// session returns the session cookie a response sets, failing the test if
// it sets none.
func session(t *testing.T, res *http.Response) *http.Cookie {
	t.Helper()
	for _, c := range res.Cookies() {
		if c.Name == CookieName {
			return c
		}
	}
	t.Fatalf("the response sets no %s cookie: %v", CookieName, res.Header["Set-Cookie"])
	return nil
}

func TestSignIn(t *testing.T) {
	s := newServer(t)
	res, body := s.call("http://shop.example", "account.Store.SignIn", `[{"email":" Ada@Example.com ","password":"correct horse"}]`)
	if res.StatusCode != 200 || body != `{"email":"ada@example.com"}` {
		t.Fatalf("signing up: %d %s", res.StatusCode, body)
	}
	c := session(t, res)
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || c.Secure ||
		c.MaxAge != int(SessionLength.Seconds()) || len(c.Value) < 20 {
		t.Errorf("the session cookie over http: %s", c)
	}

	// The cookie signs the browser in.
	if res, body := s.call("http://shop.example", "account.Store.Me", `[]`, c); body != `{"email":"ada@example.com"}` {
		t.Errorf("Me with the cookie: %d %s", res.StatusCode, body)
	}
	if _, body := s.call("http://shop.example", "test.Whoami", `[]`, c); body != `"ada@example.com"` {
		t.Errorf("a guarded action with the cookie: %s", body)
	}

	// Signing in again, over TLS, with the same password: a new session,
	// and a cookie sent only over TLS.
	res, body = s.call("https://shop.example", "account.Store.SignIn", `[{"email":"ada@example.com","password":"correct horse"}]`, c)
	if res.StatusCode != 200 {
		t.Fatalf("signing in: %d %s", res.StatusCode, body)
	}
	tls := session(t, res)
	if !tls.Secure || tls.Value == c.Value {
		t.Errorf("the session cookie over TLS: %s; want Secure, and a new token", tls)
	}
	// The session of the cookie the browser had is over.
	if _, body := s.call("http://shop.example", "account.Store.Me", `[]`, c); body != "null" {
		t.Errorf("Me with the cookie of before the second sign-in: %s, want null", body)
	}
}

func TestSignInRefuses(t *testing.T) {
	s := newServer(t)
	s.call("http://shop.example", "account.Store.SignIn", `[{"email":"ada@example.com","password":"correct horse"}]`)
	tests := []struct {
		body, want string
	}{
		{`[{"email":"ada@example.com","password":"wrong horse"}]`, `{"code":"unauthenticated","message":"wrong email or password"}`},
		{`[{"email":"grace@example.com","password":"short"}]`,
			`{"code":"invalid_argument","message":"no account has this address yet: to make one, choose a password of at least 8 characters"}`},
		// Validate names the fields at fault, for a form to show beside them.
		{`[{"email":"ada","password":"correct horse"}]`,
			`{"code":"invalid_argument","message":"some fields are not valid","details":{"fields":{"email":"please enter an email address"}}}`},
		{`[{"email":"ada@example.com","password":""}]`,
			`{"code":"invalid_argument","message":"some fields are not valid","details":{"fields":{"password":"please enter a password"}}}`},
	}
	for _, tt := range tests {
		res, body := s.call("http://shop.example", "account.Store.SignIn", tt.body)
		if body != tt.want || len(res.Cookies()) != 0 {
			t.Errorf("SignIn(%s): %s, cookies %v; want %s and none", tt.body, body, res.Cookies(), tt.want)
		}
	}
}

func TestSignOut(t *testing.T) {
	s := newServer(t)
	res, _ := s.call("http://shop.example", "account.Store.SignIn", `[{"email":"ada@example.com","password":"correct horse"}]`)
	c := session(t, res)

	res, _ = s.call("http://shop.example", "account.Store.SignOut", `[]`, c)
	if res.StatusCode != 204 {
		t.Fatalf("SignOut: %d", res.StatusCode)
	}
	if cleared := session(t, res); cleared.MaxAge >= 0 || cleared.Value != "" {
		t.Errorf("SignOut sets %s; want a cookie that clears the session's", cleared)
	}
	// The session is gone from the database: the old cookie is worth
	// nothing, and the guard says so and clears it.
	res, body := s.call("http://shop.example", "test.Whoami", `[]`, c)
	if res.StatusCode != 401 || body != `{"code":"unauthenticated","message":"your session has ended: please sign in again"}` {
		t.Errorf("a guarded action with the cookie of a session that ended: %d %s", res.StatusCode, body)
	}
	if cleared := session(t, res); cleared.MaxAge >= 0 {
		t.Errorf("the refusal sets %s; want a cookie that clears the session's", cleared)
	}
	// Signing out when signed out is fine.
	if res, _ := s.call("http://shop.example", "account.Store.SignOut", `[]`); res.StatusCode != 204 {
		t.Errorf("SignOut without a session: %d", res.StatusCode)
	}
}

func TestRequireSession(t *testing.T) {
	s := newServer(t)
	res, body := s.call("http://shop.example", "test.Whoami", `[]`)
	if res.StatusCode != 401 || body != `{"code":"unauthenticated","message":"please sign in"}` {
		t.Errorf("a guarded action without a cookie: %d %s", res.StatusCode, body)
	}
	if _, body := s.call("http://shop.example", "account.Store.Me", `[]`); body != "null" {
		t.Errorf("Me without a cookie: %s, want null", body)
	}

	res, _ = s.call("http://shop.example", "account.Store.SignIn", `[{"email":"ada@example.com","password":"correct horse"}]`)
	c := session(t, res)
	// Thirty days later, the session has ended.
	s.store.now = func() time.Time { return time.Now().Add(SessionLength + time.Minute) }
	res, body = s.call("http://shop.example", "test.Whoami", `[]`, c)
	if res.StatusCode != 401 || !strings.Contains(body, "your session has ended") {
		t.Errorf("a guarded action after the session ended: %d %s", res.StatusCode, body)
	}
}
