package tsemit

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	tsify "github.com/tkrajina/typescriptify-golang-structs/typescriptify"

	"github.com/actionsgo/actions/model"
	"github.com/actionsgo/actions/testdata/types"
	"github.com/actionsgo/actions/testdata/types/geo"
)

// oracleTypes are the plain structs of the types corpus (no generics, no
// enums, no marshalers), by the name the model gives them, with a value for
// typescriptify to reflect on.
var oracleTypes = map[string]any{
	"Anonymous":  types.Anonymous{},
	"Category":   types.Category{},
	"Containers": types.Containers{},
	"Edge":       types.Edge{},
	"Embedding":  types.Embedding{},
	"Extra":      types.Extra{},
	"Generics":   types.Generics{},
	"Item":       types.Item{},
	"Loose":      types.Loose{},
	"Marshalers": types.Marshalers{},
	"Node":       types.Node{},
	"Open":       types.Open{},
	"Opener":     types.Opener{},
	"Point":      geo.Point{},
	"Range":      types.Range{},
	"Scalars":    types.Scalars{},
	"SignUp":     types.SignUp{},
	"Span":       types.Span{},
	"Sparse":     types.Sparse{},
	"Special":    types.Special{},
	"Tagged":     types.Tagged{},
	"Window":     types.Window{},
}

// oracleDisagreements lists, by "Type.member", where typescriptify's member
// names or optionality differ from ours because typescriptify does not
// follow encoding/json/v2. The value says what v2 does. A disagreement not
// listed here, or listed but gone, fails the test.
var oracleDisagreements = map[string]string{
	// typescriptify makes every pointer optional; v2 writes a nil pointer
	// as null, so the member is always there.
	"Category.parent":       "a nil pointer is written as null, not left out",
	"Containers.pointer":    "a nil pointer is written as null, not left out",
	"Containers.pointerPtr": "a nil pointer is written as null, not left out",
	"Edge.to":               "a nil pointer is written as null, not left out",
	"Marshalers.moneyPtr":   "a nil pointer is written as null, not left out",
	"Special.big":           "a nil pointer is written as null, not left out",
	"Tagged.quotedPointer":  "a nil pointer is written as null, not left out",
	"Tagged.quotedDeep":     "a nil pointer is written as null, not left out",

	// Tags.
	"Tagged.-":             `json:"-,case:strict" names the member "-"; typescriptify skips it`,
	"Tagged.a b":           `v2 takes a name with a space as it is; typescriptify drops the member`,
	"Tagged.NoName":        `json:",omitempty" keeps the Go name; typescriptify drops the member`,
	"Tagged.omitInt":       "omitempty leaves out only null, \"\", [] and {}: never a number",
	"Tagged.omitBool":      "omitempty never leaves out a bool",
	"Tagged.omitDuration":  "omitempty never leaves out a time.Duration, a number",
	"Tagged.omitFixed":     "omitempty never leaves out a [2]byte, a base64 string of two bytes",
	"Tagged.quotedOmitted": "omitempty never leaves out a quoted number, \"0\" at the least",
	"Tagged.omitStruct":    "omitempty leaves out a struct only when it encodes as {}, and an Item never does",
	"Tagged.omitTime":      "omitempty never leaves out a time.Time, never an empty string",
	"Tagged.omitArray":     "omitempty leaves out an array only when its length is 0",
	"Tagged.zeroTime":      "omitzero leaves out a zero value; typescriptify ignores omitzero",
	"Tagged.zeroStruct":    "omitzero leaves out a zero value; typescriptify ignores omitzero",
	"Tagged.zeroInt":       "omitzero leaves out a zero value; typescriptify ignores omitzero",
	"Tagged.zeroWindow":    "omitzero leaves out what IsZero says is zero; typescriptify ignores omitzero",
	"Tagged.zeroSpan":      "omitzero leaves out what IsZero (on the pointer) says is zero; typescriptify ignores omitzero",
	"Open.count":           "omitzero leaves out a zero value; typescriptify ignores omitzero",
	"Opener.count":         "omitzero leaves out a zero value; typescriptify ignores omitzero",

	// Embedding: typescriptify flattens every embedded struct and resolves
	// no conflicts.
	"Embedding.region": "promoted through an embedded pointer that may be nil, so it may be left out",
	"Embedding.level":  "promoted through an embedded pointer that may be nil, so it may be left out",
	"Embedding.info":   "an embedded struct with a tag is a member (extra), its fields are not promoted",
	"Embedding.extra":  "an embedded struct with a tag is a member (extra), its fields are not promoted",
	"Embedding.Note":   "Left.Note and Right.Note conflict untagged at the same depth: both are dropped",
	"Embedding.both":   "Left.Both and Right.Both conflict tagged at the same depth: both are dropped",
	"Embedding.twice":  "Shared, embedded by Left and Right, puts twice at one depth twice: dropped",
	"Embedding.width":  "the embed option promotes the fields of Box",
}

// memberLine matches a member of an object type: its name (quoted or not),
// an optional marker and the start of its type.
var memberLine = regexp.MustCompile(`^\s*("(?:[^"\\]|\\.)*"|[^\s:?]*)(\?)?: `)

// members returns the members of the interface name in src, with whether
// each is optional, reading only the lines indented by indent (so members of
// inline object types are not counted).
func members(t *testing.T, src, name, indent string) map[string]bool {
	t.Helper()
	_, body, ok := strings.Cut(src, "interface "+name+" {\n")
	if !ok {
		t.Fatalf("no interface %s in:\n%s", name, src)
	}
	out := map[string]bool{}
	for _, line := range strings.Split(body, "\n") {
		if line == "}" {
			break
		}
		if !strings.HasPrefix(line, indent) || strings.HasPrefix(line[len(indent):], " ") {
			continue
		}
		m := memberLine.FindStringSubmatch(line)
		trimmed := strings.TrimSpace(line)
		if m == nil || strings.HasPrefix(trimmed, "/*") || strings.HasPrefix(trimmed, "*") || strings.HasPrefix(trimmed, "[") {
			continue // not a member: a comment, or an index signature
		}
		n := m[1]
		if strings.HasPrefix(n, `"`) {
			n = strings.ReplaceAll(strings.Trim(n, `"`), `\\`, `\`)
		}
		out[n] = m[2] == "?"
	}
	return out
}

// TestOracle compares the member names and optionality of our interfaces
// for the corpus's plain structs with what typescriptify produces from the
// same Go types, and checks that every difference is a known mistake of
// typescriptify's about encoding/json/v2.
func TestOracle(t *testing.T) {
	prog := load(t, typesPath)
	files := generate(t, goldenCase{"types", func(*testing.T) *model.Program { return prog }, Options{}})
	ours := string(files["types.ts"]) + string(files["geo.ts"])

	var plain []string
	for _, pkg := range prog.Packages {
		for _, n := range pkg.Types {
			if n.Type.Kind == model.KindStruct && len(n.TypeParams) == 0 && len(n.Enum) == 0 && len(n.Type.Fields) > 0 {
				plain = append(plain, n.Name)
			}
		}
	}
	slices.Sort(plain)
	if diff := cmp.Diff(sortedKeys(oracleTypes), plain); diff != "" {
		t.Errorf("oracleTypes must list the plain structs of the corpus (-listed +corpus):\n%s", diff)
	}

	found := map[string]bool{}
	for _, name := range plain {
		v, ok := oracleTypes[name]
		if !ok {
			continue
		}
		theirsSrc, err := typescriptify(v)
		if err != nil {
			t.Errorf("%s: typescriptify: %v", name, err)
			continue
		}
		our := members(t, ours, name, "  ")
		their := members(t, theirsSrc, name, "    ")
		for _, m := range unionKeys(our, their) {
			o, inOurs := our[m]
			th, inTheirs := their[m]
			if inOurs == inTheirs && o == th {
				continue
			}
			key := name + "." + m
			found[key] = true
			if _, known := oracleDisagreements[key]; !known {
				t.Errorf("%s: ours %s, typescriptify %s; fix the emitter, or list it in oracleDisagreements with encoding/json/v2's rule",
					key, describe(inOurs, o), describe(inTheirs, th))
			}
		}
	}
	for key := range oracleDisagreements {
		if !found[key] {
			t.Errorf("%s is listed in oracleDisagreements but both agree now: remove it", key)
		}
	}
}

func describe(present, optional bool) string {
	switch {
	case !present:
		return "has no such member"
	case optional:
		return "optional"
	}
	return "required"
}

func unionKeys(a, b map[string]bool) []string {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	return sortedKeys(keys)
}

// typescriptify converts the type of v into TypeScript interfaces, with
// its log (written to standard output) silenced. The types it cannot map
// get a TypeScript type; their optionality is still typescriptify's.
func typescriptify(v any) (string, error) {
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return "", err
	}
	defer devNull.Close()
	stdout := os.Stdout
	os.Stdout = devNull
	defer func() { os.Stdout = stdout }()
	return tsify.New().
		WithInterface(true).
		ManageType((*int)(nil), tsify.TypeOptions{TSType: "number | null"}).
		ManageType((*int8)(nil), tsify.TypeOptions{TSType: "number | null"}).
		ManageType(uintptr(0), tsify.TypeOptions{TSType: "number"}).
		Add(v).
		Convert(nil)
}
