package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/actionsgo/actions/emit"
	goemit "github.com/actionsgo/actions/emit/go"
	tsemit "github.com/actionsgo/actions/emit/ts"
	"github.com/actionsgo/actions/internal/writer"
	"github.com/actionsgo/actions/scan"
)

// Exit codes.
const (
	exitOK    = 0 // written, or up to date with -check
	exitFail  = 1 // diagnostics, stale files with -check, or any other failure
	exitUsage = 2 // bad flags
)

const shortUsage = "usage: gen [-ts DIR] [-ts-type path.Type=TS]... [-check] [packages]\nRun 'gen -h' for details.\n"

const usageText = `usage: gen [-ts DIR] [-ts-type path.Type=TS]... [-check] [packages]

Gen makes Go functions marked //actions:server callable from TypeScript.
For each package that has actions it writes actions_gen.go, the HTTP glue
that actions.NewHandler serves; with -ts it also writes the TypeScript
client into DIR: runtime.ts and one module per Go package. Packages are
patterns as for go build and default to ./...

Only files whose bytes change are written. A file whose first line is not
the generated header is never overwritten or deleted. Generated files
whose source is gone are deleted: the glue of a matched package that lost
its last action, and any generated .ts file in DIR that this run does not
produce, so give each DIR to one gen command. Errors in the Go code are
printed as file:line:col: message, and then nothing is written.

A type that marshals itself (MarshalJSON, MarshalText and the like) is
unknown in TypeScript, or string for text, unless its declaration says what
its methods write with a //actions:ts directive, or -ts-type does, for a
type of another module:

	-ts-type k8s.io/apimachinery/pkg/util/intstr.IntOrString='number | string'

Either is trusted as written: nothing checks it against the methods.

Run it from go generate, in a file of the module:

	//go:generate go run github.com/actionsgo/actions/cmd/gen -ts ../web/src/gen ./...

Exit status: 0 when done (or up to date with -check), 1 on errors in the
Go code, stale files with -check or a failure to write, 2 on bad usage.

Flags:
`

// run is the whole command: it parses args, generates, and writes or
// checks. It returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("gen", flag.ContinueOnError)
	tsDir := flags.String("ts", "", "write the TypeScript client into `DIR`")
	check := flags.Bool("check", false, "write nothing; print a diff of stale files, list missing\nand orphaned ones, and exit 1 if anything is out of date")
	tsTypes := tsTypeFlag{}
	flags.Var(tsTypes, "ts-type", "give a type that marshals itself its TypeScript type, as `path.Type=TS`\n(trusted as written); repeatable")
	// Parse reports problems itself; the messages below say them shorter.
	flags.SetOutput(io.Discard)
	flags.Usage = func() {}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			// Asked for: the usage is the output, not an error.
			flags.SetOutput(stdout)
			fmt.Fprint(stdout, usageText)
			flags.PrintDefaults()
			return exitOK
		}
		fmt.Fprintf(stderr, "gen: %v\n%s", err, shortUsage)
		return exitUsage
	}
	if isSet(flags, "ts") && *tsDir == "" {
		fmt.Fprintf(stderr, "gen: -ts needs a directory\n%s", shortUsage)
		return exitUsage
	}
	patterns := flags.Args()
	for _, p := range patterns {
		if strings.HasPrefix(p, "-") {
			fmt.Fprintf(stderr, "gen: flags go before packages: %s\n%s", p, shortUsage)
			return exitUsage
		}
	}
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}

	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitFail
	}
	files, orphans, diags, err := generate(scan.Config{Dir: wd, TSTypes: tsTypes}, *tsDir, patterns)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitFail
	}
	if len(diags) > 0 {
		for _, d := range diags {
			fmt.Fprintln(stderr, d.Format(wd))
		}
		return exitFail
	}
	changes, err := writer.Plan(files, orphans)
	if err != nil {
		printError(stderr, err)
		return exitFail
	}
	if *check {
		return report(changes, stdout, stderr)
	}
	if err := writer.Apply(changes); err != nil {
		printError(stderr, err)
		return exitFail
	}
	return exitOK
}

// generate scans the packages and builds every generated file in memory.
// It also returns the paths where generated files of an earlier run may be
// left over. Paths are relative to wd, as they are printed. Problems in
// the user's code come back as diagnostics, and then nothing else does.
func generate(cfg scan.Config, tsDir string, patterns []string) ([]emit.File, []string, []scan.Diagnostic, error) {
	wd := cfg.Dir
	prog, diags, err := scan.Load(cfg, patterns...)
	if err != nil || len(diags) > 0 {
		return nil, nil, diags, err
	}
	if len(prog.Dirs) == 0 {
		// Most likely a mistyped pattern. Going on would delete every
		// TypeScript module in the -ts directory as an orphan.
		return nil, nil, nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}

	files, err := goemit.Generate(prog)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("generating Go: %w", err)
	}
	var orphans []string
	for _, dir := range prog.Dirs {
		orphans = append(orphans, filepath.Join(dir, goemit.FileName))
	}
	if tsDir != "" {
		abs := tsDir
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(wd, abs)
		}
		ts, err := tsemit.Generate(prog, abs)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("generating TypeScript: %w", err)
		}
		files = append(files, ts...)
		old, err := tsFiles(tsDir)
		if err != nil {
			return nil, nil, nil, err
		}
		orphans = append(orphans, old...)
	}

	for i := range files {
		files[i].Path = relative(wd, files[i].Path)
	}
	for i := range orphans {
		orphans[i] = relative(wd, orphans[i])
	}
	return files, orphans, nil, nil
}

// tsFiles lists the .ts files in dir, which may not exist yet.
func tsFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".ts") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	return paths, nil
}

// report prints what -check found and returns the exit code: quiet and 0
// when everything is up to date.
func report(changes []writer.Change, stdout, stderr io.Writer) int {
	if len(changes) == 0 {
		return exitOK
	}
	if err := writer.Report(stdout, changes); err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitFail
	}
	count := map[writer.Op]int{}
	for _, c := range changes {
		count[c.Op]++
	}
	fmt.Fprintf(stderr, "gen: generated files are out of date: %d stale, %d missing, %d orphaned; run gen without -check to update them\n",
		count[writer.Update], count[writer.Create], count[writer.Delete])
	return exitFail
}

// relative returns path relative to wd when it is below or beside it, so
// that messages and diffs do not depend on where the module is checked out.
func relative(wd, path string) string {
	if !filepath.IsAbs(path) {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil {
		return rel
	}
	return path
}

// printError prints err, one "gen: " line per joined error.
func printError(w io.Writer, err error) {
	errs := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	}
	for _, e := range errs {
		fmt.Fprintf(w, "gen: %v\n", e)
	}
}

// isSet reports whether the flag called name was given on the command line.
func isSet(flags *flag.FlagSet, name string) bool {
	set := false
	flags.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// tsTypeFlag collects the -ts-type flags, by type: path.Type=TS each.
type tsTypeFlag map[string]string

func (f tsTypeFlag) String() string { return "" }

func (f tsTypeFlag) Set(v string) error {
	key, ts, err := scan.ParseTSType(v)
	if err != nil {
		return err
	}
	if old, ok := f[key]; ok && old != ts {
		return fmt.Errorf("%s has two TypeScript types: %s and %s", key, old, ts)
	}
	f[key] = ts
	return nil
}
