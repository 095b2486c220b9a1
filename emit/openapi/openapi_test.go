package openapi_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/emit"
	"github.com/actionsgo/actions/emit/openapi"
	tsemit "github.com/actionsgo/actions/emit/ts"
	"github.com/actionsgo/actions/internal/testkit"
	"github.com/actionsgo/actions/internal/writer"
	"github.com/actionsgo/actions/model"
	"github.com/actionsgo/actions/scan"
	"github.com/actionsgo/actions/testdata/shapes"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus.json")

// corpus is what the golden document describes: every kind of type, of
// signature, get actions, streams, services.
var corpus = []string{"./testdata/types", "./testdata/shapes", "./emit/go/testdata/glue"}

func load(t *testing.T, patterns ...string) *model.Program {
	t.Helper()
	prog, diags, err := scan.Load(scan.Config{Dir: testkit.RepoRoot(t)}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Error(d.Format(""))
	}
	if len(diags) > 0 {
		t.FailNow()
	}
	return prog
}

func document(t *testing.T, prog *model.Program) []byte {
	t.Helper()
	f, err := openapi.Generate(prog, "openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	return f.Content
}

// TestGolden compares the document of the corpus with testdata/corpus.json
// (-update rewrites it), checks that two runs write the same bytes, and
// that the writer takes the document for a generated file.
func TestGolden(t *testing.T) {
	prog := load(t, corpus...)
	doc := document(t, prog)
	testkit.Golden(t, filepath.Join("testdata", "corpus.json"), doc, *update)
	if again := document(t, prog); !bytes.Equal(doc, again) {
		t.Error("two runs wrote different documents")
	}
	if !writer.IsGenerated(doc) {
		t.Errorf("the writer does not see the document as generated: it starts %q", doc[:80])
	}
	if !json.Valid(doc) {
		t.Error("the document is not JSON")
	}
}

// TestValidator runs a real OpenAPI 3.1 validator over the corpus's
// document, and over broken copies of it, which it must refuse.
func TestValidator(t *testing.T) {
	doc := document(t, load(t, corpus...))
	dir := t.TempDir()
	testkit.WriteFile(t, dir, "valid.json", doc)
	// An operation without responses, and a parameter in a place that
	// OpenAPI 3 does not have.
	testkit.WriteFile(t, dir, "noresponses.json", bytes.Replace(doc, []byte(`"responses": {`), []byte(`"responsez": {`), 1))
	testkit.WriteFile(t, dir, "badparameter.json", bytes.Replace(doc, []byte(`"in": "header"`), []byte(`"in": "body"`), 1))
	testkit.WriteFile(t, dir, "validate.mjs", []byte(`import { Validator } from "@seriousme/openapi-schema-validator";
const out = {};
for (const file of process.argv.slice(2)) {
  const v = new Validator({ strict: true });
  const res = await v.validate(file);
  out[file] = { valid: res.valid, version: v.version, errors: res.errors };
}
console.log(JSON.stringify(out));
`))
	linkNodeModules(t, dir)
	out := testkit.Run(t, dir, node(t), "validate.mjs", "valid.json", "noresponses.json", "badparameter.json")
	var results map[string]struct {
		Valid   bool
		Version string
		Errors  any
	}
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatalf("validator output: %v\n%s", err, out)
	}
	if r := results["valid.json"]; !r.Valid || r.Version != "3.1" {
		t.Errorf("the document is not valid OpenAPI 3.1 (version %q): %v", r.Version, r.Errors)
	}
	for _, bad := range []string{"noresponses.json", "badparameter.json"} {
		if results[bad].Valid {
			t.Errorf("the validator accepted %s", bad)
		}
	}
}

// TestOpenAPIClient makes a client from the shapes corpus's document with
// openapi-typescript and openapi-fetch, type-checks it with a driver that
// calls every action through it and through the generated client, and
// runs the driver against the served corpus: both get the same results.
func TestOpenAPIClient(t *testing.T) {
	prog := load(t, "./testdata/shapes")
	h, err := actions.New(actions.Options{Logger: slog.New(slog.DiscardHandler)}, shapes.Actions())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	dir := t.TempDir()
	testkit.WriteFile(t, dir, "openapi.json", document(t, prog))
	gen, err := tsemit.Generate(prog, filepath.Join(dir, "gen"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range gen {
		testkit.WriteFile(t, filepath.Dir(f.Path), filepath.Base(f.Path), f.Content)
	}
	var fingerprint string
	for _, a := range prog.Package("github.com/actionsgo/actions/testdata/shapes").Actions {
		if a.ID == "shapes.OneParam" {
			fingerprint = prog.Fingerprint(a)
		}
	}
	testkit.WriteFile(t, dir, "config.ts", fmt.Appendf(nil, "export const baseURL = %q;\nexport const oneParamFingerprint = %q as const;\n", srv.URL, fingerprint))
	testkit.WriteFile(t, dir, "main.ts", testkit.ReadFile(t, filepath.Join("testdata", "shapes_fetch.ts")))
	testkit.WriteFile(t, dir, "package.json", []byte(`{"type": "module"}`+"\n"))
	testkit.WriteFile(t, dir, "tsconfig.json", []byte(`{
  "compilerOptions": {
    "target": "es2022", "module": "nodenext", "moduleResolution": "nodenext",
    "strict": true, "exactOptionalPropertyTypes": true, "noEmit": true,
    "verbatimModuleSyntax": true, "lib": ["es2022", "dom"], "types": []
  },
  "include": ["*.ts", "gen/*.ts"]
}
`))
	linkNodeModules(t, dir)
	testkit.Run(t, dir, openapiTypescript(t), "openapi.json", "--output", "api.ts")
	testkit.Run(t, dir, testkit.NodeTool(t, "tsc"), "-p", "tsconfig.json", "--pretty", "false")
	testkit.Run(t, dir, testkit.NodeTool(t, "esbuild"), "--bundle", "--format=esm", "--platform=node", "--log-level=warning", "--outfile=out.mjs", "main.ts")
	out := testkit.Run(t, dir, node(t), "out.mjs")

	var got map[string]struct{ Client, OpenAPI any }
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("driver output: %v\n%s", err, out)
	}
	if len(got) < len(prog.Package("github.com/actionsgo/actions/testdata/shapes").Actions) {
		t.Errorf("the driver made %d calls, fewer than there are actions", len(got))
	}
	for name, r := range got {
		if diff := cmp.Diff(r.Client, r.OpenAPI); diff != "" {
			t.Errorf("%s: the OpenAPI client got another result than the generated one (-generated +openapi):\n%s", name, diff)
		}
	}
	if r := got["oneParam"].OpenAPI; r != "hello world" {
		t.Errorf("oneParam through the OpenAPI client: %v", r)
	}
}

// TestOpenAPITypes checks, for every action of the types corpus, that the
// TypeScript types openapi-typescript makes from the document and those of
// the generated client describe the same values: each argument type of the
// generated client is assignable to the document's, and each of the
// document's result types to the generated client's. The actions in mapped
// are left out: a ts_type tag or an //actions:ts directive gives a
// TypeScript type (a template literal) that a schema cannot say.
func TestOpenAPITypes(t *testing.T) {
	mapped := map[string]bool{"EchoTagged": true, "EchoMoney": true, "EchoVersion": true, "EchoMarshalers": true}
	prog := load(t, "./testdata/types")
	dir := t.TempDir()
	testkit.WriteFile(t, dir, "openapi.json", document(t, prog))
	gen, err := tsemit.Generate(prog, filepath.Join(dir, "gen"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range gen {
		testkit.WriteFile(t, filepath.Dir(f.Path), filepath.Base(f.Path), f.Content)
	}
	var b strings.Builder
	b.WriteString(`import type { paths } from "./api.js";
import * as types from "./gen/types.js";

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { "application/json": infer B } } } } ? B : never;
type Ok<P extends keyof paths> = paths[P] extends { post: { responses: { 200: { content: { "application/json": infer R } } } } } ? R : never;
`)
	checked := 0
	for _, a := range prog.Package("github.com/actionsgo/actions/testdata/types").Actions {
		if mapped[a.Name] || len(a.Params) != 1 || a.Result == nil {
			continue
		}
		path := "/_actions/" + a.ID
		fmt.Fprintf(&b, "export const in_%s: Body<%q>[0] = null! as Parameters<typeof types.%s>[0];\n", a.TSName, path, a.TSName)
		fmt.Fprintf(&b, "export const out_%s: Awaited<ReturnType<typeof types.%s>> = null! as Ok<%q>;\n", a.TSName, a.TSName, path)
		checked++
	}
	if checked < 40 {
		t.Fatalf("only %d actions checked", checked)
	}
	testkit.WriteFile(t, dir, "check.ts", []byte(b.String()))
	testkit.WriteFile(t, dir, "package.json", []byte(`{"type": "module"}`+"\n"))
	testkit.WriteFile(t, dir, "tsconfig.json", []byte(`{
  "compilerOptions": {
    "target": "es2022", "module": "nodenext", "moduleResolution": "nodenext",
    "strict": true, "exactOptionalPropertyTypes": true, "noEmit": true,
    "lib": ["es2022", "dom"], "types": []
  },
  "include": ["check.ts"]
}
`))
	linkNodeModules(t, dir)
	testkit.Run(t, dir, openapiTypescript(t), "openapi.json", "--output", "api.ts")
	testkit.Run(t, dir, testkit.NodeTool(t, "tsc"), "-p", "tsconfig.json", "--pretty", "false")
}

// TestCheck runs the writer as -check does over a document on disk: an
// up-to-date one is no change, a stale one an update, and a hand-written
// JSON file in its place is refused.
func TestCheck(t *testing.T) {
	doc := document(t, load(t, "./testdata/shapes"))
	dir := t.TempDir()
	path := filepath.Join(dir, "openapi.json")
	file := []emit.File{{Path: path, Content: doc}}
	testkit.WriteFile(t, dir, "openapi.json", doc)
	if changes, err := writer.Plan(file, nil); err != nil || len(changes) != 0 {
		t.Errorf("an up-to-date document: %v, %v", changes, err)
	}
	testkit.WriteFile(t, dir, "openapi.json", bytes.Replace(doc, []byte(`"Actions"`), []byte(`"Old"`), 1))
	if changes, err := writer.Plan(file, nil); err != nil || len(changes) != 1 || changes[0].Op != writer.Update {
		t.Errorf("a stale document: %v, %v", changes, err)
	}
	testkit.WriteFile(t, dir, "openapi.json", []byte("{\n  \"openapi\": \"3.1.0\"\n}\n"))
	if _, err := writer.Plan(file, nil); err == nil || !strings.Contains(err.Error(), "refusing to overwrite hand-written file") {
		t.Errorf("a hand-written document: %v", err)
	}
}

func openapiTypescript(t *testing.T) string {
	t.Helper()
	path := filepath.Join(testkit.RepoRoot(t), "emit", "openapi", "testdata", "node", "node_modules", ".bin", "openapi-typescript")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("openapi-typescript is not installed (%v): run npm ci at the repository root", err)
	}
	return path
}

// linkNodeModules makes the repository's node_modules visible from dir.
func linkNodeModules(t *testing.T, dir string) {
	t.Helper()
	if err := os.Symlink(filepath.Join(testkit.RepoRoot(t), "node_modules"), filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
}

func node(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is missing: %v", err)
	}
	return path
}
