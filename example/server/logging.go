package server

import (
	"cmp"
	"context"
	"errors"
	"iter"
	"log/slog"
	"time"

	"github.com/actionsgo/actions"
)

// LogCalls returns an interceptor that writes one line to log for every
// call: the action's ID, how long it took and its outcome, "ok" or the
// code of its error as the client gets it.
//
//	level=INFO msg=call action=cart.Store.AddToCart took=1.2ms code=ok
//
// A stream's call returns as soon as the stream is made, and its items
// come after: its line is written when the stream ends, and says how long
// it lasted.
func LogCalls(log *slog.Logger) actions.Interceptor {
	return func(next actions.Invoker) actions.Invoker {
		return func(ctx context.Context, call *actions.Call) (any, error) {
			start := time.Now()
			result, err := next(ctx, call)
			if seq, ok := result.(iter.Seq2[any, error]); ok && err == nil {
				return logStream(ctx, log, call.ID, start, seq), nil
			}
			logCall(ctx, log, call.ID, start, err)
			return result, err
		}
	}
}

// logStream returns seq, logging its call when it ends.
func logStream(ctx context.Context, log *slog.Logger, id string, start time.Time, seq iter.Seq2[any, error]) iter.Seq2[any, error] {
	return func(yield func(any, error) bool) {
		var err error
		defer func() { logCall(ctx, log, id, start, err) }()
		for item, e := range seq {
			if e != nil {
				err = e
			}
			if !yield(item, e) {
				if err == nil {
					// The client went away, or the call's time ran out.
					err = cmp.Or(ctx.Err(), context.Canceled)
				}
				return
			}
		}
		// A stream that stops when its context ends did not finish: the
		// client gets the context's error.
		err = cmp.Or(err, ctx.Err())
	}
}

func logCall(ctx context.Context, log *slog.Logger, id string, start time.Time, err error) {
	log.LogAttrs(ctx, slog.LevelInfo, "call",
		slog.String("action", id),
		slog.Duration("took", time.Since(start)),
		slog.String("code", code(err)))
}

// code is the outcome of a call as its client learns it: "ok", or the code
// of its error, as the runtime sends it.
func code(err error) string {
	switch e, ok := errors.AsType[*actions.Error](err); {
	case err == nil:
		return "ok"
	case ok:
		return string(e.Code)
	case errors.Is(err, context.DeadlineExceeded):
		return string(actions.CodeDeadlineExceeded)
	case errors.Is(err, context.Canceled):
		return string(actions.CodeAborted)
	}
	return string(actions.CodeInternal)
}
