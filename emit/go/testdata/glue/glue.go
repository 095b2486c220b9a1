// Package glue holds the cases of the Go glue that the shared corpus leaves
// out: errors the runtime maps to codes, a panic, and parameters named like
// identifiers the glue itself uses.
package glue

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/actionsgo/actions"
)

// NotFound fails with an *actions.Error: the client sees its code and
// message.
//
//actions:server
func NotFound(ctx context.Context, id string) (string, error) {
	return "", actions.Errorf(actions.CodeNotFound, "no item %q", id)
}

// Panics panics: the runtime recovers and answers with an internal error.
//
//actions:server
func Panics() { panic("it panicked") }

// Item is a parameter type of Shadowed.
type Item struct {
	Name string `json:"name"`
}

// Reserved has parameters named like the identifiers of the glue's Call
// function, and like the packages the glue imports.
//
//actions:server
func Reserved(ctx context.Context, args []string, err string, result int, actions bool, context string) (string, error) {
	return fmt.Sprintf("%v %s %d %t %s", args, err, result, actions, context), nil
}

// Shadowed has parameters named like the packages of their types, a
// parameter named like a type used by a later parameter, and one named
// like the function itself.
//
//actions:server
func Shadowed(time time.Time, json json.RawMessage, Item Item, other Item, Shadowed int) string {
	return fmt.Sprintf("%s %s %s %s %d", time.Format("2006-01-02"), json, Item.Name, other.Name, Shadowed)
}

// Counter is a service: its exported methods are actions bound to the
// value given to CounterActions, so two counters count apart.
//
//actions:server
type Counter struct {
	n    int
	name string
}

// NewCounter returns a counter called name.
func NewCounter(name string) *Counter { return &Counter{name: name} }

// Add adds by to the counter and returns its new count: a pointer
// receiver.
func (c *Counter) Add(ctx context.Context, by int) (int, error) {
	c.n += by
	return c.n, nil
}

// Name says which counter this is: a value receiver.
func (c Counter) Name() string { return c.name }

// Count is a read of the counter, cached for a minute, exported under
// another TypeScript name.
//
//actions:server get cache=1m name=currentCount
func (c *Counter) Count() int { return c.n }

// Ticks streams the counter's next n values.
func (c *Counter) Ticks(ctx context.Context, n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(c.n + i) {
				return
			}
		}
	}
}

// Clock is a second service of the package.
type Clock struct{}

// Now is a method action on its own.
//
//actions:server name=clockNow
func (Clock) Now(ctx context.Context) (string, error) { return "noon", nil }

// Lines streams text until it fails, after a check that may fail first.
//
//actions:server
func Lines(ctx context.Context, fail bool) (iter.Seq2[string, error], error) {
	if fail {
		return nil, actions.Errorf(actions.CodeFailedPrecondition, "no lines today")
	}
	return func(yield func(string, error) bool) {
		if yield("one", nil) {
			yield("", actions.Errorf(actions.CodeAborted, "cut"))
		}
	}, nil
}

// Size is an enum a form field takes.
type Size string

// The sizes.
const (
	Small Size = "S"
	Large Size = "L"
)

// Checkout is the form of PlaceOrder: one field of each kind a form fills.
type Checkout struct {
	Email string        `json:"email"`
	Qty   int8          `json:"qty"`
	Gift  bool          `json:"gift"`
	Size  Size          `json:"size,omitempty"`
	When  time.Time     `json:"when,omitzero"`
	Note  *string       `json:"note"`
	Tags  []string      `json:"tags"`
	Photo *actions.File `json:"photo,omitempty"`
}

// PlaceOrder takes an HTML form, with or without JavaScript.
//
//actions:server form
func PlaceOrder(ctx context.Context, c Checkout) (string, error) {
	if c.Email == "" {
		return "", actions.FieldErrors{"email": "is required"}
	}
	actions.Redirect(ctx, "/orders/1")
	photo := int64(0)
	if c.Photo != nil {
		photo = c.Photo.Size
	}
	return fmt.Sprintf("%s %d %t %s %s %v %d", c.Email, c.Qty, c.Gift, c.Size, c.When.Format(time.DateOnly), c.Tags, photo), nil
}

// Upload stores a file and says how large it was.
//
//actions:server
func Upload(ctx context.Context, name string, file actions.File) (string, error) {
	rc, err := file.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	n, err := io.Copy(io.Discard, rc)
	return fmt.Sprintf("%s %s %d", name, file.Name, n), err
}

// Receipt is a download.
//
//actions:server
func Receipt(id int) (actions.File, error) {
	return actions.FileFromBytes(fmt.Sprintf("receipt-%d.txt", id), "text/plain", []byte("paid")), nil
}
