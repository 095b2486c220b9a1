// Command genbench times the generator against the floor of loading the
// same packages: for each size it writes a synthetic module of that many
// packages with ten actions each, runs gen once to write the glue (later
// runs find it up to date, as in a developer's loop), then alternates runs of
// the built gen binary and of loadfloor. It prints one line per run in the
// format of go test -bench, for benchstat and the report.
package main

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/actionsgo/actions/bench/internal/benchenv"
	"github.com/actionsgo/actions/bench/internal/synth"
)

func main() {
	sizes := flag.String("sizes", "10,50,200", "numbers of packages, comma-separated")
	runs := flag.Int("runs", 5, "timed runs of each tool per size")
	keep := flag.String("keep", "", "write the synthetic modules into this directory and keep them, to profile or rerun by hand")
	flag.Parse()
	if err := run(*sizes, *runs, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "genbench:", err)
		os.Exit(1)
	}
}

func run(sizeList string, runs int, keep string) error {
	root, err := benchenv.RepoRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "genbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	gen := filepath.Join(tmp, "gen")
	floor := filepath.Join(tmp, "loadfloor")
	phases := filepath.Join(tmp, "genphases")
	if err := benchenv.GoBuild(root, gen, "./cmd/gen"); err != nil {
		return err
	}
	for out, pkg := range map[string]string{floor: "./cmd/loadfloor", phases: "./cmd/genphases"} {
		if err := benchenv.GoBuild(filepath.Join(root, "bench"), out, pkg); err != nil {
			return err
		}
	}
	fmt.Println("pkg: github.com/actionsgo/actions/bench/cmd/genbench")
	for _, s := range strings.Split(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("size %q: %v", s, err)
		}
		mod := filepath.Join(cmp.Or(keep, tmp), fmt.Sprintf("synth%d", n))
		pkgs := map[string]int{}
		for i := range n {
			pkgs[fmt.Sprintf("orders%03d", i)] = 10
		}
		if err := synth.Module(mod, root, pkgs); err != nil {
			return err
		}
		tools := []struct {
			name string
			argv []string
		}{
			{"gen", []string{gen, "-ts", "web", "./..."}},
			{"load", []string{floor, "./..."}},
		}
		// The first run of each writes the glue and fills the build cache.
		for _, t := range tools {
			if _, _, err := timed(mod, t.argv); err != nil {
				return err
			}
		}
		for range runs {
			for _, t := range tools {
				d, _, err := timed(mod, t.argv)
				if err != nil {
					return err
				}
				fmt.Printf("BenchmarkGenerate/packages=%d/tool=%s 1 %d ns/op\n", n, t.name, d.Nanoseconds())
			}
			// Where gen's time goes, phase by phase, in process.
			_, out, err := timed(mod, []string{phases, "-name", fmt.Sprintf("packages=%d", n), "-ts", "web", "./..."})
			if err != nil {
				return err
			}
			os.Stdout.Write(out)
		}
	}
	return nil
}

// timed runs argv in dir and returns how long it took and its output.
func timed(dir string, argv []string) (time.Duration, []byte, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %v\n%s", filepath.Base(argv[0]), err, out.Bytes())
	}
	return d, out.Bytes(), nil
}
