package main

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	goemit "github.com/actionsgo/actions/emit/go"
)

// How -watch polls: it looks at the watched directories every pollEvery,
// and generates once they have not changed for one more look, so that the
// files an editor or a checkout writes together make one run. Polling
// modification times needs nothing beyond the standard library and works
// on every file system, network and container mounts included.
var pollEvery = 300 * time.Millisecond

// watch generates, then generates again whenever a Go file in the
// directories of the matched packages changes, until ctx is done. It
// prints the diagnostics of each run, and the files each run writes or
// deletes. The directories come from the last run that listed the
// packages, so a package that appears is watched from the run its
// directory's appearance triggers.
func (j *job) watch(ctx context.Context) int {
	j.watching = true
	failed := false
	generate := func(prev []string) []string {
		code, listed := j.run()
		if code == exitOK && failed {
			fmt.Fprintln(j.stderr, "gen: no more errors; generated files are up to date")
		}
		failed = code != exitOK
		if listed == nil {
			return prev // the packages could not be listed: keep watching what was
		}
		return j.watched(listed)
	}
	watched := generate([]string{j.cfg.Dir})
	fmt.Fprintf(j.stderr, "gen: watching %d directories for changes to Go files; interrupt to stop\n", len(watched))
	last := snapshot(watched)
	pending := false // something changed since the last run
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(j.stderr, "gen: stopped")
			return exitOK
		case <-tick.C:
		}
		now := snapshot(watched)
		if !maps.Equal(now, last) {
			last, pending = now, true
			continue // wait for one quiet look
		}
		if pending {
			pending = false
			watched = generate(watched)
			last = snapshot(watched)
		}
	}
}

// watched returns the directories to watch for the packages in dirs: the
// directories themselves, and those between them and the directory gen
// runs in, so that a new package beside or below one is seen.
func (j *job) watched(dirs []string) []string {
	seen := map[string]bool{j.cfg.Dir: true}
	for _, dir := range dirs {
		for d := dir; !seen[d]; d = filepath.Dir(d) {
			seen[d] = true
			rel, err := filepath.Rel(j.cfg.Dir, d)
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.Dir(d) == d {
				break // outside the working directory: the package alone
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// fileState is what a look at a directory entry sees.
type fileState struct {
	mod  time.Time
	size int64
	dir  bool
}

// snapshot returns the state of the Go files and subdirectories of dirs,
// by path, but for the glue, which runs write. A directory that cannot be
// read has no entries, so its appearance or removal is a change.
func snapshot(dirs []string) map[string]fileState {
	m := map[string]fileState{}
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				continue // hidden, or left out by the go command, like temporary files
			}
			if e.IsDir() {
				m[filepath.Join(dir, name)] = fileState{dir: true}
				continue
			}
			if !strings.HasSuffix(name, ".go") || name == goemit.FileName {
				continue
			}
			info, err := e.Info()
			if err != nil {
				continue // gone since the listing: the next look says so
			}
			m[filepath.Join(dir, name)] = fileState{mod: info.ModTime(), size: info.Size()}
		}
	}
	return m
}
