// The directive above the package clause marks every exported top-level
// function of this file as an action.

//actions:server

package shapes

import "context"

// Counter is a receiver: its methods are not actions.
type Counter struct{ n int }

// Add is a method, so the file-level directive skips it.
func (c *Counter) Add() int { c.n++; return c.n }

// FileLevelA is an action by the file-level directive.
func FileLevelA(ctx context.Context, n int) (int, error) { return n + 1, nil }

// FileLevelB is an action by the file-level directive.
func FileLevelB() bool { return true }

// helper is unexported, so the file-level directive skips it.
func helper() {}
