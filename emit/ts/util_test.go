package tsemit

import (
	"bytes"
	"slices"
)

func slicesSort(s []string) { slices.Sort(s) }

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
