// Command genphases does what gen does, in process, and times each phase:
// listing the packages alone (the first of scan.Load's two loads),
// scan.Load whole, the Go and TypeScript emitters and planning the writes.
// genbench runs it next to gen and loadfloor to show where gen's time above
// the packages.Load floor goes. It writes nothing.
//
//	genphases [-name packages=N] [-ts DIR] [-cpuprofile FILE] [packages]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/actionsgo/actions/emit"
	goemit "github.com/actionsgo/actions/emit/go"
	tsemit "github.com/actionsgo/actions/emit/ts"
	"github.com/actionsgo/actions/internal/writer"
	"github.com/actionsgo/actions/model"
	"github.com/actionsgo/actions/scan"
	"golang.org/x/tools/go/packages"
)

func main() {
	name := flag.String("name", "", "name of the run in the output, such as packages=200")
	tsDir := flag.String("ts", "web", "TypeScript output directory")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of all phases to this file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "genphases:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if err := run(*name, *tsDir, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "genphases:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(name, tsDir string, patterns []string) error {
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	phase := func(phase string, f func() error) error {
		start := time.Now()
		if err := f(); err != nil {
			return fmt.Errorf("%s: %w", phase, err)
		}
		fmt.Printf("BenchmarkGenPhase/%s/phase=%s 1 %d ns/op\n", name, phase, time.Since(start).Nanoseconds())
		return nil
	}
	err = phase("list", func() error {
		_, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedModule}, patterns...)
		return err
	})
	if err != nil {
		return err
	}
	var prog *model.Program
	err = phase("scan", func() error {
		p, diags, err := scan.Load(scan.Config{Dir: wd}, patterns...)
		if err != nil {
			return err
		}
		if len(diags) > 0 {
			return fmt.Errorf("%d diagnostics, the first: %s", len(diags), diags[0].Format(wd))
		}
		prog = p
		return nil
	})
	if err != nil {
		return err
	}
	var files []emit.File
	err = phase("emit-go", func() error {
		fs, err := goemit.Generate(prog)
		files = append(files, fs...)
		return err
	})
	if err != nil {
		return err
	}
	err = phase("emit-ts", func() error {
		fs, err := tsemit.Generate(prog, filepath.Join(wd, tsDir))
		files = append(files, fs...)
		return err
	})
	if err != nil {
		return err
	}
	return phase("plan-writes", func() error {
		_, err := writer.Plan(files, nil)
		return err
	})
}
