package scan

import (
	"fmt"
	"go/types"
	"slices"
	"strings"

	"github.com/actionsgo/actions/model"
)

// ParseTSType reads one mapping of the -ts-type flag,
// "import/path.Name=TypeScript type", into the key of Config.TSTypes and
// the TypeScript type. The type is taken as written, and trusted.
func ParseTSType(s string) (key, ts string, err error) {
	key, ts, ok := strings.Cut(s, "=")
	key, ts = strings.TrimSpace(key), strings.TrimSpace(ts)
	slash := strings.LastIndex(key, "/")
	dot := strings.LastIndex(key, ".")
	switch {
	case !ok || ts == "":
		return "", "", fmt.Errorf("%q: want import/path.Type=TypeScript type, such as k8s.io/apimachinery/pkg/util/intstr.IntOrString=number|string", s)
	case dot <= slash+1 || dot == len(key)-1:
		return "", "", fmt.Errorf("%q: %q is not a type of a package: want import/path.Type", s, key)
	}
	return key, ts, nil
}

// marshalTSType returns the TypeScript type given for the type t, which
// marshals itself with methods of kind (KindMarshaler or
// KindTextMarshaler), by Config.TSTypes or else by the //actions:ts
// directive of o, or "".
func (s *scanner) marshalTSType(t *types.Named, o typeOptions) string {
	key := t.Obj().Pkg().Path() + "." + t.Obj().Name()
	if ts, ok := s.tsTypes[key]; ok {
		s.tsUsed[key] = true
		return ts
	}
	return o.ts
}

// checkTypeTS reports what a TypeScript type given for the type t, whose
// declaration is n, cannot mean: a type that does not marshal itself has
// the TypeScript type of its Go type, which a directive or the flag would
// only contradict.
func (s *scanner) checkTypeTS(t *types.Named, n *model.Named, o typeOptions) {
	switch n.Type.Kind {
	case model.KindMarshaler, model.KindTextMarshaler:
		return
	}
	const why = "has no marshal methods: its TypeScript type follows from its Go type (a ts_type tag sets the type of one field)"
	if o.ts != "" {
		s.errorAt(o.tsPos, "%s on type %s, which %s", tsDirective, t.Obj().Name(), why)
	}
	key := t.Obj().Pkg().Path() + "." + t.Obj().Name()
	if _, ok := s.tsTypes[key]; ok {
		s.tsUsed[key] = true
		s.errorAt(model.Pos{}, "-ts-type %s: the type %s", key, why)
	}
}

// checkTSTypes reports each mapping of Config.TSTypes that named no type
// an action reaches, most likely a misspelt one. When the run has other
// problems, some actions were not described, so nothing is said.
func (s *scanner) checkTSTypes() {
	if len(s.diags) > 0 {
		return
	}
	var unused []string
	for key := range s.tsTypes {
		if !s.tsUsed[key] {
			unused = append(unused, key)
		}
	}
	slices.Sort(unused)
	for _, key := range unused {
		s.errorAt(model.Pos{}, "-ts-type %s: no action reaches a type of that name that marshals itself", key)
	}
}
