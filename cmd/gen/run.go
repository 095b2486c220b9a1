package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/actionsgo/actions/emit"
	goemit "github.com/actionsgo/actions/emit/go"
	"github.com/actionsgo/actions/emit/openapi"
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

const shortUsage = "usage: gen [-ts DIR] [-ts-dates] [-ts-int64=number|bigint] [-ts-type path.Type=TS]... [-openapi FILE] [-tags LIST] [-check] [-watch] [packages]\nRun 'gen -h' for details.\n"

const usageText = `usage: gen [-ts DIR] [-ts-dates] [-ts-int64=number|bigint] [-ts-type path.Type=TS]... [-openapi FILE] [-tags LIST] [-check] [-watch] [packages]

Gen makes Go functions marked //actions:server callable from TypeScript.
For each package that has actions it writes actions_gen.go, the HTTP glue
that actions.NewHandler serves; with -ts it also writes the TypeScript
client into DIR: runtime.ts and one module per Go package. Packages are
patterns as for go build and default to ./...

In TypeScript a time.Time is the RFC 3339 string of the wire, and every
number a number, exact to 2^53 only; -ts-dates makes times Dates, and
-ts-int64=bigint makes 64-bit integers (int64, uint64, int, uint,
time.Duration) bigints, which travel without loss. -openapi writes an
OpenAPI 3.1 document of every action to FILE, for other clients and tools;
it starts with an "x-generated-by" member, which marks it as generated.
Each action's fingerprint of its wire shape goes into the glue and the
client, so a client made before a deploy that changed an action is told
stale_client instead of misreading it.

Only files whose bytes change are written. A file whose first line is not
the generated header is never overwritten or deleted. Generated files
whose source is gone are deleted: the glue of a matched package that lost
its last action, and any generated .ts file in DIR that this run does not
produce, so give each DIR to one gen command. Errors in the Go code are
printed as file:line:col: message, and then nothing is written.

Every build of a package compiles its glue, so an action must be in a
file that every build includes. A directive in a file that some builds
leave out, by a GOOS or GOARCH suffix, a //go:build line or import "C",
is an error on every machine, unless the tags of -tags (or, without
-tags, those GOFLAGS sets) put the file in every build. So is a
directive in a _test.go file.

With -watch, gen generates, then watches the Go files of the matched
packages and generates again after each change, printing the
diagnostics of every run and each file it writes or deletes, until it is
interrupted. A new package is picked up once its directory appears
beside or below one it watches, or in the working directory.

A type that marshals itself (MarshalJSON, MarshalText and the like) is
unknown in TypeScript, or string for text, unless its declaration says what
its methods write with a //actions:ts directive, or -ts-type does, for a
type of another module:

	-ts-type k8s.io/apimachinery/pkg/util/intstr.IntOrString='number | string'

Either is trusted as written: nothing checks it against the methods.

Run it from go generate, in a file of the module:

	//go:generate go tool gen -ts web/src/gen ./...

after go get -tool github.com/actionsgo/actions/cmd/gen; paths are
relative to the directory of the file that holds the line.

Exit status: 0 when done (or up to date with -check), 1 on errors in the
Go code, stale files with -check or a failure to write, 2 on bad usage.

Flags:
`

// run is the whole command: it parses args, generates, and writes or
// checks. It returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("gen", flag.ContinueOnError)
	tsDir := flags.String("ts", "", "write the TypeScript client into `DIR`")
	tsDates := flags.Bool("ts-dates", false, "make time.Time a Date in TypeScript, both ways")
	tsInt64 := flags.String("ts-int64", tsemit.Int64Number, "how TypeScript holds 64-bit integers (int64, uint64, int, uint,\ntime.Duration): `KIND` is number (exact to 2^53 only) or bigint\n(without loss)")
	openapiFile := flags.String("openapi", "", "also write an OpenAPI 3.1 document of every action to `FILE` (JSON)")
	check := flags.Bool("check", false, "write nothing; print a diff of stale files, list missing\nand orphaned ones, and exit 1 if anything is out of date")
	tagList := flags.String("tags", "", "load the packages with the build tags in `LIST`, separated\nby commas, as go build -tags does")
	watch := flags.Bool("watch", false, "generate, then again whenever a Go file of the matched\npackages changes, printing diagnostics and the files written,\nuntil interrupted")
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
	if *tsInt64 != tsemit.Int64Number && *tsInt64 != tsemit.Int64BigInt {
		fmt.Fprintf(stderr, "gen: -ts-int64 must be number or bigint, not %q\n%s", *tsInt64, shortUsage)
		return exitUsage
	}
	if isSet(flags, "openapi") && *openapiFile == "" {
		fmt.Fprintf(stderr, "gen: -openapi needs a file name\n%s", shortUsage)
		return exitUsage
	}
	var tags []string // nil: not given, so GOFLAGS may give them
	if isSet(flags, "tags") {
		tags = scan.SplitTags(*tagList)
		for _, t := range tags {
			if !scan.ValidTag(t) {
				fmt.Fprintf(stderr, "gen: -tags: %q is not a build tag: use letters, digits, _ and .\n%s", t, shortUsage)
				return exitUsage
			}
		}
		if tags == nil {
			tags = []string{}
		}
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

	if *watch && *check {
		fmt.Fprintf(stderr, "gen: -watch and -check do not go together\n%s", shortUsage)
		return exitUsage
	}

	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return exitFail
	}
	out := outputs{tsDir: *tsDir, ts: tsemit.Options{Dates: *tsDates, Int64: *tsInt64}, openapi: *openapiFile}
	j := &job{cfg: scan.Config{Dir: wd, Tags: tags, TSTypes: tsTypes}, out: out, patterns: patterns, check: *check, stdout: stdout, stderr: stderr}
	if *watch {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return j.watch(ctx)
	}
	code, _ := j.run()
	return code
}

// job is what one command line asks for.
type job struct {
	cfg      scan.Config // Dir is the working directory
	out      outputs
	patterns []string
	check    bool
	watching bool // print every file written, as -watch does
	stdout   io.Writer
	stderr   io.Writer
}

// run generates once, and writes or checks. It returns the exit code and
// the directories of the matched packages, when they could be listed.
func (j *job) run() (code int, dirs []string) {
	wd := j.cfg.Dir
	res, err := generate(j.cfg, j.out, j.patterns)
	if err != nil {
		fmt.Fprintf(j.stderr, "gen: %v\n", err)
		return exitFail, res.dirs
	}
	if len(res.diags) > 0 {
		for _, d := range res.diags {
			fmt.Fprintln(j.stderr, d.Format(wd))
		}
		return exitFail, res.dirs
	}
	changes, err := writer.Plan(res.files, res.orphans)
	if err != nil {
		printError(j.stderr, err)
		return exitFail, res.dirs
	}
	if j.check {
		return report(changes, j.stdout, j.stderr), res.dirs
	}
	if testHookBeforeApply != nil {
		testHookBeforeApply()
	}
	if err := writer.Apply(changes); err != nil {
		printError(j.stderr, err)
		return exitFail, res.dirs
	}
	if j.watching {
		for _, c := range changes {
			fmt.Fprintf(j.stdout, "gen: %s %s\n", watchWord[c.Op], filepath.ToSlash(c.Path))
		}
	}
	return exitOK, res.dirs
}

// testHookBeforeApply, if set, runs between planning the changes and
// applying them: a test holds runs there to have them race.
var testHookBeforeApply func()

// watchWord says what -watch did to a file.
var watchWord = map[writer.Op]string{writer.Create: "wrote", writer.Update: "wrote", writer.Delete: "deleted"}

// outputs says what a run writes besides the Go glue.
type outputs struct {
	tsDir   string // the TypeScript client's directory, or ""
	ts      tsemit.Options
	openapi string // the OpenAPI document's file, or ""
}

// generated is what generate builds.
type generated struct {
	files   []emit.File
	orphans []string          // where generated files of an earlier run may be left over
	diags   []scan.Diagnostic // problems in the user's code: then nothing else is set but dirs
	dirs    []string          // the directories of the matched packages, absolute
}

// generate scans the packages and builds every generated file in memory,
// with the paths where generated files of an earlier run may be left over.
// Paths are relative to cfg.Dir, as they are printed. Problems in the
// user's code come back as diagnostics, and then only the directories of
// the packages do too.
func generate(cfg scan.Config, out outputs, patterns []string) (generated, error) {
	wd, tsDir := cfg.Dir, out.tsDir
	prog, diags, err := scan.Load(cfg, patterns...)
	if err != nil {
		return generated{}, err
	}
	res := generated{dirs: prog.Dirs}
	if len(diags) > 0 {
		res.diags = diags
		return res, nil
	}
	if len(prog.Dirs) == 0 {
		// Most likely a mistyped pattern. Going on would delete every
		// TypeScript module in the -ts directory as an orphan.
		return res, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}

	files, err := goemit.Generate(prog)
	if err != nil {
		return res, fmt.Errorf("generating Go: %w", err)
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
		ts, err := tsemit.GenerateWith(prog, abs, out.ts)
		if err != nil {
			return res, fmt.Errorf("generating TypeScript: %w", err)
		}
		files = append(files, ts...)
		old, err := tsFiles(tsDir)
		if err != nil {
			return res, err
		}
		orphans = append(orphans, old...)
	}
	if out.openapi != "" {
		doc, err := openapi.Generate(prog, out.openapi)
		if err != nil {
			return res, fmt.Errorf("generating the OpenAPI document: %w", err)
		}
		files = append(files, doc)
	}

	for i := range files {
		files[i].Path = relative(wd, files[i].Path)
	}
	for i := range orphans {
		orphans[i] = relative(wd, orphans[i])
	}
	res.files, res.orphans = files, orphans
	return res, nil
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
