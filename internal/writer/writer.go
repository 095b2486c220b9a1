// Package writer brings generated files on disk up to date with the files
// the emitters built in memory.
//
// It works in two steps so that a refused run changes nothing: Plan reads
// the disk and decides every create, update and delete, refusing to touch
// any file that is not marked as generated; only then does Apply write. The
// -check mode of the command stops after Plan and prints the changes with
// Report.
package writer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/actionsgo/actions/emit"
	"github.com/rogpeppe/go-internal/diff"
)

// Op is what Apply does to one file.
type Op int

const (
	Create Op = iota + 1 // the file is missing
	Update               // the file is stale: its bytes differ
	Delete               // the file is an orphan: generated, but no longer produced
)

func (op Op) String() string {
	switch op {
	case Create:
		return "create"
	case Update:
		return "update"
	case Delete:
		return "delete"
	}
	return fmt.Sprintf("Op(%d)", int(op))
}

// Change is one file whose bytes on disk differ from the generated ones.
type Change struct {
	Op   Op
	Path string
	Old  []byte // bytes on disk; nil for Create
	New  []byte // bytes to write; nil for Delete
}

// RefusalError reports a file the writer would have to overwrite although
// its first line is not emit.Header (for JSON, its first lines are not
// emit.JSONHeader): someone wrote it by hand, and it is left alone.
type RefusalError struct {
	Path string
}

func (e *RefusalError) Error() string {
	if strings.HasSuffix(e.Path, ".json") {
		return fmt.Sprintf("refusing to overwrite hand-written file %s: it does not start with %q", e.Path, emit.JSONHeader)
	}
	return fmt.Sprintf("refusing to overwrite hand-written file %s: its first line is not %q", e.Path, emit.Header)
}

// Plan compares files with the disk and returns the changes that bring the
// disk up to date, sorted by path. Files whose bytes are already on disk do
// not appear, so an up-to-date tree gives no changes.
//
// orphans lists paths where generated files may remain from an earlier run:
// each one that exists, starts with emit.Header and is not among files is
// deleted. A hand-written file there is not an orphan and is left alone.
//
// Plan only reads. It returns every refusal at once (joined, each a
// *RefusalError), so a refused run reports all the files in its way.
func Plan(files []emit.File, orphans []string) ([]Change, error) {
	var changes []Change
	var errs []error
	produced := make(map[string]bool, len(files))
	for _, f := range files {
		path := filepath.Clean(f.Path)
		if produced[path] {
			return nil, fmt.Errorf("%s is generated twice", path)
		}
		produced[path] = true
		old, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			changes = append(changes, Change{Op: Create, Path: path, New: f.Content})
		case err != nil:
			errs = append(errs, err)
		case bytes.Equal(old, f.Content):
			// Up to date: leave the file, and its modification time, alone.
		case !IsGenerated(old):
			errs = append(errs, &RefusalError{Path: path})
		default:
			changes = append(changes, Change{Op: Update, Path: path, Old: old, New: f.Content})
		}
	}
	for _, path := range orphans {
		path = filepath.Clean(path)
		if produced[path] {
			continue
		}
		produced[path] = true // listed twice is still one orphan
		old, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			errs = append(errs, err)
		case IsGenerated(old):
			changes = append(changes, Change{Op: Delete, Path: path, Old: old})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	slices.SortFunc(changes, func(a, b Change) int { return strings.Compare(a.Path, b.Path) })
	return changes, nil
}

// IsGenerated reports whether content starts with the line emit.Header, or
// is JSON that starts with the lines of emit.JSONHeader.
func IsGenerated(content []byte) bool {
	line, rest, _ := bytes.Cut(content, []byte("\n"))
	if string(bytes.TrimSuffix(line, []byte("\r"))) == emit.Header {
		return true
	}
	first, second, _ := strings.Cut(emit.JSONHeader, "\n")
	next, _, _ := bytes.Cut(rest, []byte("\n"))
	return string(bytes.TrimSuffix(line, []byte("\r"))) == first &&
		string(bytes.TrimSuffix(next, []byte("\r"))) == second
}

// Apply carries out changes in order. Each file is replaced atomically: a
// reader sees the old bytes or the new ones, never a partial file, so two
// runs may apply the same changes at once. An orphan already gone is fine.
// Apply stops at the first failure and says which file it was.
func Apply(changes []Change) error {
	for _, c := range changes {
		var err error
		switch c.Op {
		case Create, Update:
			err = writeFile(c.Path, c.New)
		case Delete:
			err = os.Remove(c.Path)
			if errors.Is(err, fs.ErrNotExist) {
				// Another run deleted it since Plan read it: two runs on
				// one module agree on what is an orphan.
				err = nil
			}
		default:
			err = fmt.Errorf("unknown operation %v on %s", c.Op, c.Path)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes content to a temporary file in the directory of path and
// renames it over path. The directory is created if needed. A replaced file
// keeps its permission bits; a new one gets 0644.
func writeFile(path string, content []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	perm := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
	}
	// The temporary file starts with a dot so that tools listing *.go or
	// *.ts files do not pick it up while it exists.
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(content); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Report writes what changes would do, for a reader deciding whether the
// generated files are up to date: a unified diff of each stale file, then
// one line for each missing file and each orphan. Paths are printed as
// they are in changes, with forward slashes.
func Report(w io.Writer, changes []Change) error {
	var buf bytes.Buffer
	for _, c := range changes {
		if c.Op == Update {
			name := filepath.ToSlash(c.Path)
			buf.Write(diff.Diff("a/"+name, c.Old, "b/"+name, c.New))
		}
	}
	for _, op := range []Op{Create, Delete} {
		for _, c := range changes {
			if c.Op == op {
				fmt.Fprintf(&buf, "%s: %s\n", reportWord[op], filepath.ToSlash(c.Path))
			}
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

var reportWord = map[Op]string{Create: "missing", Delete: "orphaned"}
