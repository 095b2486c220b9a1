package goemit

import (
	"strings"
	"testing"
)

// TestFormatSourceError checks that source go/format rejects is never
// returned, and that the error shows the source with line numbers.
func TestFormatSourceError(t *testing.T) {
	src := "package p\n\nfunc f() {\n\treturn )\n}\n"
	out, err := formatSource([]byte(src))
	if err == nil {
		t.Fatalf("formatSource accepted broken source and returned:\n%s", out)
	}
	if out != nil {
		t.Errorf("formatSource returned output with its error:\n%s", out)
	}
	for _, want := range []string{"4:9: expected operand", "   1  package p\n", "   4  \treturn )\n", "   5  }\n"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not contain %q:\n%v", want, err)
		}
	}
}

func TestFormatSource(t *testing.T) {
	out, err := formatSource([]byte("package p\nvar  x=1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), "package p\n\nvar x = 1\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
