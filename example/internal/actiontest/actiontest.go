// Package actiontest checks the errors that actions send to the client.
package actiontest

import (
	"errors"
	"testing"

	"github.com/actionsgo/actions"
)

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
