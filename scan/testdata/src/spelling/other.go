package spelling

// netip is a package-level name, so the import of net/netip needs another
// in the glue.
var netip = 1

// actions is one too, so the runtime's import needs another.
func actions() {}

var _ = actions
