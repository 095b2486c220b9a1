// Package spelling has actions whose types the glue must spell with
// imports named around the package's own identifiers.
package spelling

import (
	stdjson "encoding/json"
	ip "net/netip"
	"time"

	"example.com/bad/spelling/json"
)

// Hooked has fields that do not travel, which the glue still spells.
//
//actions:server
func Hooked(v struct {
	Name string `json:"name"`
	hook func() int
	ch   chan<- bool
	Note string "json:\"note\" doc:\"`q`\""
}, when time.Time, raw stdjson.RawMessage, doc *json.Doc, addr []ip.Addr, m map[string][2]byte) {
}
