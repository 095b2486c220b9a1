package nodes

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/actionsgo/actions"
)

// TestServe calls the glue: the enums of this module are refused outside
// their constants, those of the other module are not, unless their author
// closed them, and the types that marshal themselves travel as they write.
func TestServe(t *testing.T) {
	srv := httptest.NewServer(actions.NewHandler(Actions()))
	defer srv.Close()
	const healths = `want one of \"good\", \"bad\" or \"\"`
	for _, c := range []struct {
		id, body string
		status   int
		want     string
	}{
		{"nodes.SetHealth", `["n","good",["bad",""]]`, 204, ``},
		{"nodes.SetHealth", `["n","ill",[]]`, 400, `{"code":"invalid_argument","message":"argument h: ` + healths + `, got \"ill\""}`},
		{"nodes.SetHealth", `["n","",["ill"]]`, 400, `{"code":"invalid_argument","message":"argument checks: ` + healths + ` at /0, got \"ill\""}`},
		// Another module's enum takes what clusters send.
		{"nodes.Conditions", `["KernelDeadlock"]`, 200, `[]`},
		// Its author closed Protocol; Zone is opened by its directive.
		{"nodes.Open", `["TCP","west"]`, 204, ``},
		{"nodes.Open", `["QUIC","north"]`, 400, `{"code":"invalid_argument","message":"argument p: want one of \"TCP\", \"UDP\", \"SCTP\" or \"\", got \"QUIC\""}`},
		{"nodes.UpdateNode", `[{"name":"a","health":"","zone":"west","capacity":{"hugepages-1Gi":"2Gi"},"conditions":[{"type":"KernelDeadlock","status":"Maybe"}],"level":7,"maxSurge":"25%","memory":"1Gi","version":"1.2"}]`, 200,
			`{"name":"a","health":"","rank":0,"zone":"west","checks":[],"byHealth":{},"conditions":[{"type":"KernelDeadlock","status":"Maybe"}],"capacity":{"hugepages-1Gi":"2Gi"},"ports":{},"level":7,"maxSurge":"25%","memory":"1Gi","version":"1.2"}`},
		{"nodes.UpdateNode", `[{"name":"a","byHealth":{"ill":1}}]`, 400, `{"code":"invalid_argument","message":"argument n: ` + healths + ` at /byHealth/ill, got \"ill\""}`},
		{"nodes.UpdateNode", `[{"name":"a","ports":{"QUIC":1}}]`, 400, `{"code":"invalid_argument","message":"argument n: want one of \"TCP\", \"UDP\", \"SCTP\" or \"\" at /ports/QUIC, got \"QUIC\""}`},
		{"nodes.UpdateNode", `[{"name":"a","rank":2}]`, 400, `{"code":"invalid_argument","message":"argument n: want one of 0 or 1 at /rank, got 2"}`},
	} {
		res, err := http.Post(srv.URL+"/_actions/"+c.id, "application/json", strings.NewReader(c.body))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != c.status || string(body) != c.want {
			t.Errorf("%s %s: got %d %s, want %d %s", c.id, c.body, res.StatusCode, body, c.status, c.want)
		}
	}
}
