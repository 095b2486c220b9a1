package scan

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMissingDirectory names directories that do not exist: each pattern
// gets a diagnostic (so the command exits 1) that names the directory as
// the user wrote it, relative to the working directory, never by the
// absolute path the go command reports.
func TestMissingDirectory(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		pattern string
		want    string
	}{
		{"./typo", "typo: directory not found"},
		{"./typo/...", "pattern ./typo/...: lstat ./typo/: no such file or directory"},
		{"./signatures/typo", filepath.Join("signatures", "typo") + ": directory not found"},
	} {
		t.Run(tc.pattern, func(t *testing.T) {
			_, diags, err := Load(Config{Dir: dir}, tc.pattern)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range diags {
				msg := d.Format(dir)
				if strings.Contains(msg, dir) {
					t.Errorf("diagnostic %q names the absolute path %s", msg, dir)
				}
				got = append(got, msg)
			}
			if diff := cmp.Diff([]string{tc.want}, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}
