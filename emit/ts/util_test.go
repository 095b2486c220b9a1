package tsemit

import (
	"bytes"
	"os"
	"slices"
	"testing"
)

func slicesSort(s []string) { slices.Sort(s) }

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
