// Package shoptest has what the shop's tests share: a database of their
// own, a check of the errors that actions send to the client, and a log
// that tests read while the server writes it.
package shoptest

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/shopdb"
)

// DB returns a new database in a temporary directory of t, with the
// shop's tables, closed when the test ends.
func DB(t testing.TB) *sql.DB {
	t.Helper()
	db, err := shopdb.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// WantError fails the test unless err is an *actions.Error, or wraps one,
// with the given code and message: what the client would see.
func WantError(t testing.TB, err error, code actions.Code, message string) {
	t.Helper()
	e, ok := errors.AsType[*actions.Error](err)
	if !ok {
		t.Errorf("error = %v, want %s %q", err, code, message)
		return
	}
	if e.Code != code || e.Message != message {
		t.Errorf("error = %s %q, want %s %q", e.Code, e.Message, code, message)
	}
}

// NewUser adds a user with the given email address to db, one who cannot
// sign in (no password matches), for tests of what a signed-in user does,
// and returns the user's ID.
func NewUser(t testing.TB, db *sql.DB, email string) int64 {
	t.Helper()
	var id int64
	err := db.QueryRow("INSERT INTO users (email, password_salt, password_hash, created_at) VALUES (?, x'', x'', 0) RETURNING id", email).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// Log is a log's output that a test reads while the server's handlers
// write it.
type Log struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *Log) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *Log) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
