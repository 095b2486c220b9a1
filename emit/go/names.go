package goemit

// The packages every glue file imports.
const (
	actionsPath = "github.com/actionsgo/actions"
	contextPath = "context"
	iterPath    = "iter"
	timePath    = "time"
)

// glueIdents are the identifiers a function of the glue declares: those
// of a Call literal (see glueNames) and a service's parameter. Its locals
// avoid them.
var glueIdents = []string{"ctx", "args", "err", "result", serviceParam}
