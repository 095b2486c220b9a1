package actions_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/actionsgo/actions"
)

// TestClientGoneCancels proves end to end that a client that disconnects
// mid-call cancels the action's context.
func TestClientGoneCancels(t *testing.T) {
	started := make(chan struct{})
	canceled := make(chan error, 1)
	h := actions.NewHandler([]actions.Action{{
		ID: "slow.Wait", Params: []actions.Parameter{actions.Param[string]("label")},
		Call: func(ctx context.Context, args []any) (any, error) {
			close(started)
			select {
			case <-ctx.Done():
				canceled <- ctx.Err()
			case <-time.After(10 * time.Second):
				canceled <- nil
			}
			return nil, ctx.Err()
		},
	}})
	srv := httptest.NewServer(h)
	defer srv.Close()

	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, "POST", srv.URL+"/_actions/slow.Wait", strings.NewReader(`["x"]`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	done := make(chan error, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
		done <- err
	}()
	select {
	case <-started:
	case <-time.After(5 * time.Second):
		t.Fatal("the action did not start")
	}
	cancel() // the client goes away: its connection closes
	if err := <-canceled; err != context.Canceled {
		t.Errorf("the action's context ended with %v, want context.Canceled", err)
	}
	if err := <-done; err == nil {
		t.Error("the client's call succeeded after it was canceled")
	}
}
