package example_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenCheck proves that CI's gen -check catches a generated file edited
// by hand and an action changed without go generate. Each case edits a copy
// of this module and runs gen -check with the arguments of the
// go:generate line in example.go.
func TestGenCheck(t *testing.T) {
	root := repoRoot(t)
	gen := filepath.Join(t.TempDir(), "gen")
	if out, err := exec.Command("go", "build", "-o", gen, "github.com/actionsgo/actions/cmd/gen").CombinedOutput(); err != nil {
		t.Fatalf("building gen: %v\n%s", err, out)
	}

	tests := []struct {
		name string
		edit func(t *testing.T, dir string)
		// want are lines of the output, "" for none: nothing is stale.
		want []string
	}{
		{
			name: "up to date",
			edit: func(*testing.T, string) {},
		},
		{
			name: "generated Go edited by hand",
			edit: func(t *testing.T, dir string) {
				replace(t, dir, "cart/actions_gen.go", `ID: "cart.Store.AddToCart",`, `ID: "cart.Store.AddToKart",`)
			},
			want: []string{
				"diff a/cart/actions_gen.go b/cart/actions_gen.go",
				`-			ID: "cart.Store.AddToKart",`,
				`+			ID: "cart.Store.AddToCart",`,
			},
		},
		{
			name: "generated TypeScript edited by hand",
			edit: func(t *testing.T, dir string) {
				replace(t, dir, "web/src/gen/cart.ts", "quantity: number;", "quantity: number | string;")
			},
			want: []string{
				"diff a/web/src/gen/cart.ts b/web/src/gen/cart.ts",
				"-  quantity: number | string;",
				"+  quantity: number;",
			},
		},
		{
			name: "action added without go generate",
			edit: func(t *testing.T, dir string) {
				// The file-level directive makes every exported function
				// of orders/delivery.go an action.
				appendTo(t, dir, "orders/delivery.go", "\n// Track says where an order is.\nfunc Track(ctx context.Context, id string) error { return nil }\n")
			},
			want: []string{
				"diff a/orders/actions_gen.go b/orders/actions_gen.go",
				`+			ID:     "orders.Track",`,
				"diff a/web/src/gen/orders.ts b/web/src/gen/orders.ts",
				"+export async function track(id: string, opts?: CallOptions): Promise<void> {",
			},
		},
		{
			name: "method added to a service without go generate",
			edit: func(t *testing.T, dir string) {
				// The directive on the type Store makes every exported
				// method of *Store an action.
				appendTo(t, dir, "orders/actions.go", "\n// Cancel cancels an order.\nfunc (s *Store) Cancel(ctx context.Context, id string) error { return nil }\n")
			},
			want: []string{
				"diff a/orders/actions_gen.go b/orders/actions_gen.go",
				`+			ID:     "orders.Store.Cancel",`,
				"diff a/web/src/gen/orders.ts b/web/src/gen/orders.ts",
				"+export async function cancel(id: string, opts?: CallOptions): Promise<void> {",
			},
		},
		{
			name: "parameter changed without go generate",
			edit: func(t *testing.T, dir string) {
				// The stale glue no longer compiles; gen must still see it.
				replace(t, dir, "cart/actions.go", "productID string, quantity int)", "productID string, quantity int8)")
				replace(t, dir, "cart/actions.go", "want := have + quantity", "want := have + int(quantity)")
			},
			want: []string{
				"diff a/cart/actions_gen.go b/cart/actions_gen.go",
				"+				actions.Param[int8](\"quantity\"),",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyModule(t, root)
			tt.edit(t, dir)
			before := snapshot(t, dir)

			cmd := exec.Command(gen, "-check", "-ts", "web/src/gen", "-ts-dates", "-openapi", "web/openapi.json", "./...") // as example.go runs it
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()

			code := 0
			if exit, ok := errors.AsType[*exec.ExitError](err); ok {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			wantCode := 1
			if tt.want == nil {
				wantCode = 0
			}
			if code != wantCode {
				t.Fatalf("gen -check exited %d, want %d\nstdout:\n%s\nstderr:\n%s", code, wantCode, &stdout, &stderr)
			}
			lines := strings.Split(stdout.String(), "\n")
			for _, w := range tt.want {
				if !contains(lines, w) {
					t.Errorf("the output has no line %q\nstdout:\n%s", w, &stdout)
				}
			}
			if wantCode == 1 && !strings.Contains(stderr.String(), "out of date") {
				t.Errorf("stderr does not say the files are out of date:\n%s", &stderr)
			}
			if wantCode == 0 && stdout.Len()+stderr.Len() != 0 {
				t.Errorf("gen -check printed something for an up-to-date module:\n%s%s", &stdout, &stderr)
			}
			if after := snapshot(t, dir); !equal(before, after) {
				t.Error("gen -check changed files; it must write nothing")
			}
		})
	}
}

// copyModule copies this module into a temporary directory, its
// replace directive pointing at the repository, and returns the directory.
func copyModule(t *testing.T, root string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(".")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "mod", "edit", "-replace", "github.com/actionsgo/actions="+root)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod edit: %v\n%s", err, out)
	}
	return dir
}

// replace changes the one occurrence of old in a file of dir to new.
func replace(t *testing.T, dir, file, old, new string) {
	t.Helper()
	path := filepath.Join(dir, file)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte(old)); n != 1 {
		t.Fatalf("%s has %d of %q, want 1", file, n, old)
	}
	os.WriteFile(path, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644)
}

func appendTo(t *testing.T, dir, file, text string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, file), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// snapshot returns the contents of every file under dir by path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		files[path] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func contains(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}
