// Command report reads the results of make bench and prints the table of
// targets, then the figures behind it. With -readme it also records them in
// that file, between the lines <!-- results:begin --> and
// <!-- results:end -->.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
)

func main() {
	readme := flag.String("readme", "", "file to record the report in, between the results markers")
	flag.Parse()
	dir := "results"
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	if err := run(dir, *readme); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func run(dir, readme string) error {
	r := results{}
	for _, f := range []string{"inprocess.txt", "loopback.txt", "stream.txt", "invoke.txt", "generator.txt", "client.txt"} {
		if err := r.read(filepath.Join(dir, f)); err != nil {
			return err
		}
	}
	var out bytes.Buffer
	if machine, err := os.ReadFile(filepath.Join(dir, "machine.txt")); err == nil {
		fmt.Fprintf(&out, "Machine:\n\n```\n%s```\n\n", machine)
	}
	writeReport(&out, r)
	os.Stdout.Write(out.Bytes())
	if readme == "" {
		return nil
	}
	return record(readme, out.Bytes())
}

const (
	beginMark = "<!-- results:begin -->\n"
	endMark   = "<!-- results:end -->\n"
)

// record replaces what lies between the markers of file with report.
func record(file string, report []byte) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	begin := bytes.Index(src, []byte(beginMark))
	end := bytes.Index(src, []byte(endMark))
	if begin < 0 || end < begin {
		return errors.New(file + " has no results markers")
	}
	var b bytes.Buffer
	b.Write(src[:begin+len(beginMark)])
	b.WriteString("\n")
	b.Write(report)
	b.WriteString("\n")
	b.Write(src[end:])
	return os.WriteFile(file, b.Bytes(), 0o644)
}

// table is a tab-aligned table in a Markdown code block.
type table struct {
	tw *tabwriter.Writer
	w  io.Writer
}

func newTable(w io.Writer, title string, header ...string) *table {
	fmt.Fprintf(w, "%s\n\n```\n", title)
	t := &table{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0), w: w}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) { fmt.Fprintln(t.tw, strings.Join(cells, "\t")) }

func (t *table) end() {
	t.tw.Flush()
	fmt.Fprint(t.w, "```\n\n")
}
