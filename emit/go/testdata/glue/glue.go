// Package glue holds the cases of the Go glue that the shared corpus leaves
// out: errors the runtime maps to codes, a panic, and parameters named like
// identifiers the glue itself uses.
package glue

import (
	"context"
	"encoding/json"
	"fmt"
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
