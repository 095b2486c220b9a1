// Package account signs customers in and out. A signed-in browser holds a
// session cookie; the sessions are kept in the shop's database.
//
// Its actions are marked one by one, on the methods of Store, so that
// Store can have other exported methods: RequireSession, the interceptor
// that guards the actions of package orders, and UserOf, which finds the
// customer of the pages the server renders.
package account

import (
	"context"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"errors"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/shopdb"
)

// CookieName is the name of the session cookie.
const CookieName = "session"

// SessionLength is how long a sign-in lasts.
const SessionLength = 30 * 24 * time.Hour

// MinPassword is the fewest characters a new account's password has.
const MinPassword = 8

// User is a customer who has signed in.
type User struct {
	// ID numbers the user in the database; the client never sees it.
	ID    int64  `json:"-"`
	Email string `json:"email"`
}

// Credentials are what a customer signs in with.
type Credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// Validate checks the credentials before SignIn runs: what is wrong comes
// back as invalid_argument with the fields at fault.
func (c Credentials) Validate() error {
	problems := actions.FieldErrors{}
	if email := strings.TrimSpace(c.Email); !strings.Contains(email, "@") || len(email) > 254 || !utf8.ValidString(email) {
		problems["email"] = "please enter an email address"
	}
	switch {
	case c.Password == "":
		problems["password"] = "please enter a password"
	case len(c.Password) > 128:
		problems["password"] = "a password has at most 128 bytes"
	}
	if len(problems) > 0 {
		return problems
	}
	return nil
}

// Store keeps accounts and sessions in the shop's database.
type Store struct {
	db  *sql.DB
	now func() time.Time
	// iterations of PBKDF2 per password: OWASP's advice for SHA-256.
	// Tests lower it.
	iterations int
}

// NewStore returns the accounts kept in db, whose tables shopdb.Open made.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db, now: time.Now, iterations: 600_000}
}

// SignIn signs the customer in with an email address and a password: the
// response sets the session cookie. An address not seen before makes a new
// account with that password (the example keeps it that simple: no
// confirmation mail). A wrong password fails with unauthenticated.
//
// It is not a form action: after a failed post without JavaScript, the
// outcome cookie would carry the values sent, the password among them.
//
//actions:server
func (s *Store) SignIn(ctx context.Context, c Credentials) (User, error) {
	u := User{Email: strings.ToLower(strings.TrimSpace(c.Email))}
	var salt, hash []byte
	err := s.db.QueryRowContext(ctx, "SELECT id, password_salt, password_hash FROM users WHERE email = ?", u.Email).Scan(&u.ID, &salt, &hash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if u.ID, err = s.newUser(ctx, u.Email, c.Password); err != nil {
			return User{}, err
		}
	case err != nil:
		return User{}, err
	default:
		got, err := s.hash(c.Password, salt)
		if err != nil {
			return User{}, err
		}
		if subtle.ConstantTimeCompare(got, hash) != 1 {
			return User{}, actions.Errorf(actions.CodeUnauthenticated, "wrong email or password")
		}
	}

	// A new token at each sign-in, and the browser's old session ends: a
	// token someone planted before the sign-in is worth nothing after it.
	token := rand.Text()
	now := s.now()
	err = shopdb.InTx(ctx, s.db, func(tx *sql.Tx) error {
		if old := sessionToken(actions.Request(ctx)); old != "" {
			if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE token_hash = ?", tokenHash(old)); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE expires_at <= ?", shopdb.Millis(now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
			tokenHash(token), u.ID, shopdb.Millis(now.Add(SessionLength)))
		return err
	})
	if err != nil {
		return User{}, err
	}
	actions.SetCookie(ctx, cookie(ctx, token, int(SessionLength.Seconds())))
	return u, nil
}

// SignOut ends the session of the browser that calls it and clears its
// cookie. Signing out when signed out is not an error.
//
//actions:server
func (s *Store) SignOut(ctx context.Context) error {
	if token := sessionToken(actions.Request(ctx)); token != "" {
		if _, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE token_hash = ?", tokenHash(token)); err != nil {
			return err
		}
	}
	actions.SetCookie(ctx, cookie(ctx, "", -1))
	return nil
}

// Me returns the signed-in customer, or null when the browser has no
// session.
//
//actions:server get
func (s *Store) Me(ctx context.Context) (*User, error) {
	u, err := s.session(ctx)
	if _, ok := errors.AsType[*actions.Error](err); ok {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// RequireSession is an interceptor that lets only calls from a signed-in
// browser through, and refuses the others with unauthenticated before the
// action runs. The actions it guards find the user with SignedIn:
//
//	actions.Intercept(orders.StoreActions(book), accounts.RequireSession)
func (s *Store) RequireSession(next actions.Invoker) actions.Invoker {
	return func(ctx context.Context, call *actions.Call) (any, error) {
		u, err := s.session(ctx)
		if err != nil {
			return nil, err
		}
		return next(WithUser(ctx, u), call)
	}
}

type userKey struct{}

// WithUser returns a context in which SignedIn finds u. RequireSession
// calls it; tests can too.
func WithUser(ctx context.Context, u User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// SignedIn returns the user of a call that RequireSession let through.
func SignedIn(ctx context.Context) (User, bool) {
	u, ok := ctx.Value(userKey{}).(User)
	return u, ok
}

// session returns the user of the call's session cookie. Without a cookie,
// or with one whose session has ended, it fails with unauthenticated, and
// clears a cookie that is no longer good.
func (s *Store) session(ctx context.Context) (User, error) {
	token := sessionToken(actions.Request(ctx))
	if token == "" {
		return User{}, actions.Errorf(actions.CodeUnauthenticated, "please sign in")
	}
	u, ok, err := s.lookup(ctx, token)
	if err == nil && !ok {
		actions.SetCookie(ctx, cookie(ctx, "", -1))
		return User{}, actions.Errorf(actions.CodeUnauthenticated, "your session has ended: please sign in again")
	}
	return u, err
}

// UserOf returns the customer whose session cookie r carries, and whether
// there is one: for the pages the server renders, outside of any call.
func (s *Store) UserOf(r *http.Request) (User, bool, error) {
	token := sessionToken(r)
	if token == "" {
		return User{}, false, nil
	}
	return s.lookup(r.Context(), token)
}

// lookup returns the user of the session whose token is given, if the
// session has not ended.
func (s *Store) lookup(ctx context.Context, token string) (User, bool, error) {
	var u User
	err := s.db.QueryRowContext(ctx, `
		SELECT u.id, u.email FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = ? AND s.expires_at > ?`, tokenHash(token), shopdb.Millis(s.now())).Scan(&u.ID, &u.Email)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, false, nil
	}
	return u, err == nil, err
}

// newUser makes an account, or finds the one a concurrent sign-in just
// made with the same address.
func (s *Store) newUser(ctx context.Context, email, password string) (int64, error) {
	if utf8.RuneCountInString(password) < MinPassword {
		return 0, actions.Errorf(actions.CodeInvalidArgument,
			"no account has this address yet: to make one, choose a password of at least %d characters", MinPassword)
	}
	salt := make([]byte, 16)
	rand.Read(salt)
	hash, err := s.hash(password, salt)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.db.QueryRowContext(ctx, `
		INSERT INTO users (email, password_salt, password_hash, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (email) DO NOTHING RETURNING id`, email, salt, hash, shopdb.Millis(s.now())).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, actions.Errorf(actions.CodeAborted, "an account with this address was just made: please sign in again")
	}
	return id, err
}

func (s *Store) hash(password string, salt []byte) ([]byte, error) {
	return pbkdf2.Key(sha256.New, password, salt, s.iterations, 32)
}

// sessionToken returns the value of the request's session cookie, or "".
func sessionToken(r *http.Request) string {
	if r == nil {
		return ""
	}
	c, err := r.Cookie(CookieName)
	if err != nil {
		return ""
	}
	return c.Value
}

// tokenHash is how the sessions table keeps a token: whoever reads the
// table cannot sign in with what they read.
func tokenHash(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// cookie returns the session cookie to set: value for maxAge seconds, or
// a cookie that clears it when maxAge is negative. No script reads it
// (HttpOnly); the browser leaves it out of the requests that other sites'
// pages make, but sends it when a link from one is followed (SameSite=Lax);
// and it travels only over TLS when the call came over TLS (Secure, from
// r.TLS). Behind a proxy that ends TLS, r.TLS is nil: set Secure there by
// configuration instead.
func cookie(ctx context.Context, value string, maxAge int) *http.Cookie {
	r := actions.Request(ctx)
	return &http.Cookie{
		Name:     CookieName,
		Value:    value,
		Path:     "/",
		MaxAge:   maxAge,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
		Secure:   r != nil && r.TLS != nil,
	}
}
