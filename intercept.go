package actions

import (
	"context"
	"net/http"
	"slices"
)

// Call is one call of an action, as interceptors see it: it has passed
// every check of the request, and its arguments are decoded and validated.
type Call struct {
	// ID is the action's ID, "notes.Store.ListNotes".
	ID string
	// Request is the HTTP request; its body is already read.
	Request *http.Request
	// Args are the decoded, validated arguments, in order, each by a
	// pointer to it: a *T for a parameter declared Param[T], the very value
	// the action is called with. The slice, and the Call, are valid until
	// the invoker returns, when the handler reuses them: copy what must
	// outlive the call.
	Args []any

	action *Action
}

// Invoker runs a call: the action itself, or the next interceptor around
// it. It returns the action's result and error.
type Invoker func(ctx context.Context, call *Call) (any, error)

// Interceptor wraps the invoker of every call it is given: it may look at
// the call, refuse it by returning an error without calling next (return an
// *Error to say why to the client: the action's code never runs), and see
// what next returns, and when. A panic in one is recovered like a panic in
// an action.
//
//	func logging(next actions.Invoker) actions.Invoker {
//		return func(ctx context.Context, call *actions.Call) (any, error) {
//			start := time.Now()
//			result, err := next(ctx, call)
//			slog.Info("call", "id", call.ID, "took", time.Since(start), "err", err)
//			return result, err
//		}
//	}
type Interceptor func(next Invoker) Invoker

// Intercept returns a copy of group whose actions are wrapped by
// interceptors, the first outermost, inside any that group had already and
// inside Options.Interceptors, which wrap every action. An auth rule on one
// package's actions needs no list of IDs:
//
//	h := actions.NewHandler(catalog.Actions(), actions.Intercept(orders.Actions(), requireSession))
func Intercept(group []Action, interceptors ...Interceptor) []Action {
	out := slices.Clone(group)
	for i := range out {
		out[i].interceptors = slices.Concat(out[i].interceptors, interceptors)
	}
	return out
}

// invoke is the innermost invoker: the action's own Call.
func invoke(ctx context.Context, call *Call) (any, error) {
	return call.action.Call(ctx, call.Args)
}

// chain returns the invoker of a's calls with outer (the handler's
// interceptors) then a's own around it, the first outermost; nil when there
// are none, and the handler calls a.Call directly.
func chain(a *Action, outer []Interceptor) Invoker {
	all := slices.Concat(outer, a.interceptors)
	if len(all) == 0 {
		return nil
	}
	next := Invoker(invoke)
	for i := len(all) - 1; i >= 0; i-- {
		next = all[i](next)
	}
	return next
}
