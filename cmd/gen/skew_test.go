package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions/internal/testkit"
)

// The module the skew test deploys twice: shop.go is the first version,
// shop.go.v2 the second, where Changed takes a string instead of a number,
// Removed is gone, and Same has another doc comment and parameter name
// (which do not reach the wire).
const (
	skewGoMod = `module example.com/skew

go 1.26

require github.com/actionsgo/actions v0.0.0
`
	skewShopV1 = `package shop

// Changed adds one.
//
//actions:server
func Changed(n int) int { return n + 1 }

// Same greets.
//
//actions:server
func Same(name string) string { return "hello " + name }

// Removed is there in the first version only.
//
//actions:server
func Removed() string { return "removed" }
`
	skewShopV2 = `package shop

// Changed takes a string now.
//
//actions:server
func Changed(s string) string { return s + "!" }

// Same greets whoever it is given: another comment, another parameter
// name, the same wire.
//
//actions:server
func Same(who string) string { return "hello " + who }
`
	skewServer = `package main

import (
	"fmt"
	"net"
	"net/http"
	"os"

	"example.com/skew/shop"
	"github.com/actionsgo/actions"
)

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("http://" + l.Addr().String())
	http.Serve(l, actions.NewHandler(shop.Actions()))
}
`
	// The driver calls the server with the client of the first version
	// (old/), then with the regenerated one (gen/), and prints what came
	// back.
	skewDriver = `import { ActionError, configure } from "./old/runtime.js";
import * as old from "./old/shop.js";
import { configure as configureNew } from "./gen/runtime.js";
import * as fresh from "./gen/shop.js";
import { baseURL } from "./config.js";

let stale = 0;
configure({ baseURL, onStaleClient: () => { stale++; } });
configureNew({ baseURL });

async function attempt(f: () => Promise<unknown>): Promise<unknown> {
  try {
    return { result: await f() };
  } catch (err) {
    return err instanceof ActionError ? { code: err.code, status: err.status } : { thrown: String(err) };
  }
}

const out = {
  oldChanged: await attempt(() => old.changed(1)),
  oldSame: await attempt(() => old.same("Ann")),
  oldRemoved: await attempt(() => old.removed()),
  oldChangedAgain: await attempt(() => old.changed(2)),
  newChanged: await attempt(() => fresh.changed("x")),
  newSame: await attempt(() => fresh.same("Bo")),
  staleCalls: stale,
};
console.log(JSON.stringify(out));
`
)

// TestSkew deploys a module, keeps the TypeScript client made for it,
// changes one action's parameter type and removes another, regenerates and
// serves the new version: the old client's call to the changed action and
// to the removed one reject with stale_client, and onStaleClient runs once;
// its call to the unchanged action, whose doc comment and parameter name
// changed, succeeds; the new client calls everything; and a call without
// the fingerprint header, as curl makes it, is served as before.
func TestSkew(t *testing.T) {
	root := testkit.RepoRoot(t)
	esbuild := testkit.NodeTool(t, "esbuild")
	tsc := testkit.NodeTool(t, "tsc")
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is missing: %v", err)
	}
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", skewGoMod+"\nreplace github.com/actionsgo/actions => "+root+"\n")
	write("shop/shop.go", skewShopV1)
	write("cmd/server/main.go", skewServer)
	for k, v := range goEnv(t, "GOCACHE", "GOMODCACHE", "GOPATH") {
		t.Setenv(k, v)
	}
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOSUMDB", "off")
	t.Setenv("GOWORK", "off")
	t.Chdir(dir)

	gen := func() {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"-ts", "web/gen", "./..."}, &stdout, &stderr); code != 0 {
			t.Fatalf("gen: exit %d\n%s%s", code, stdout.Bytes(), stderr.Bytes())
		}
	}
	gen()
	if err := os.CopyFS(filepath.Join(dir, "web", "old"), os.DirFS(filepath.Join(dir, "web", "gen"))); err != nil {
		t.Fatal(err)
	}
	oldFingerprints := fingerprints(t, filepath.Join(dir, "web", "old", "shop.ts"))

	write("shop/shop.go", skewShopV2)
	gen()
	newFingerprints := fingerprints(t, filepath.Join(dir, "web", "gen", "shop.ts"))
	if oldFingerprints["same"] == "" || oldFingerprints["same"] != newFingerprints["same"] {
		t.Errorf("the fingerprint of Same changed with its doc comment and parameter name: %v, then %v", oldFingerprints, newFingerprints)
	}
	if oldFingerprints["changed"] == newFingerprints["changed"] {
		t.Errorf("the fingerprint of Changed did not change with its parameter type: %v", newFingerprints)
	}
	glue, err := os.ReadFile(filepath.Join(dir, "shop", "actions_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	for name, fp := range newFingerprints {
		if !bytes.Contains(glue, []byte(`Fingerprint: "`+fp+`"`)) {
			t.Errorf("the glue lacks the fingerprint %s of %s that the client has", fp, name)
		}
	}

	baseURL := startServer(t, dir)

	// curl: no fingerprint, served as ever.
	res, err := http.Post(baseURL+"/_actions/shop.Changed", "application/json", strings.NewReader(`["curl"]`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || string(body) != `"curl!"` {
		t.Errorf("a call without the header: %d %s, want 200 \"curl!\"", res.StatusCode, body)
	}

	write("web/config.ts", "export const baseURL = "+strconvQuote(baseURL)+";\n")
	write("web/main.ts", skewDriver)
	write("web/package.json", `{"type": "module"}`+"\n")
	write("web/tsconfig.json", `{
  "compilerOptions": {
    "target": "es2022", "module": "nodenext", "moduleResolution": "nodenext",
    "strict": true, "noEmit": true, "skipLibCheck": true, "types": [],
    "lib": ["es2022", "dom"]
  },
  "include": ["*.ts", "old/*.ts", "gen/*.ts"]
}
`)
	web := filepath.Join(dir, "web")
	testkit.Run(t, web, tsc, "-p", "tsconfig.json", "--pretty", "false")
	testkit.Run(t, web, esbuild, "--bundle", "--format=esm", "--platform=node", "--log-level=warning", "--outfile=out.mjs", "main.ts")
	out := testkit.Run(t, web, node, "out.mjs")

	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("driver output is not JSON: %v\n%s", err, out)
	}
	stale := map[string]any{"code": "stale_client", "status": 409.0}
	want := map[string]any{
		"oldChanged":      stale,
		"oldSame":         map[string]any{"result": "hello Ann"},
		"oldRemoved":      stale,
		"oldChangedAgain": stale,
		"newChanged":      map[string]any{"result": "x!"},
		"newSame":         map[string]any{"result": "hello Bo"},
		"staleCalls":      1.0,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("calls across the deploy (-want +got):\n%s", diff)
	}
}

// fingerprints returns the fingerprint each stub of a generated module
// passes, by the stub's name.
func fingerprints(t *testing.T, path string) map[string]string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`export async function (\w+)\([^\n]*\n  return \w+<[^>]*>\("[^"]*", \[[^\]]*\], \w+, "([0-9a-f]{12})"\);`)
	fps := map[string]string{}
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		fps[m[1]] = m[2]
	}
	if len(fps) == 0 {
		t.Fatalf("no fingerprints in %s:\n%s", path, src)
	}
	return fps
}

// startServer builds and starts the module's server, and returns its URL.
func startServer(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "server")
	testkit.Run(t, dir, "go", "build", "-o", bin, "./cmd/server")
	cmd := exec.Command(bin)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		lines <- strings.TrimSpace(line)
	}()
	select {
	case url := <-lines:
		if !strings.HasPrefix(url, "http://") {
			t.Fatalf("the server printed %q, not its address", url)
		}
		return url
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not start in 30s")
	}
	return ""
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
