package types

import (
	"encoding/json"
	"net/netip"
	"time"

	"github.com/actionsgo/actions/testdata/types/geo"
)

// Each action below returns its argument unchanged, for round trips.

// EchoScalars round-trips every predeclared scalar type.
//
//actions:server
func EchoScalars(v Scalars) Scalars { return v }

//actions:server
func EchoBool(v bool) bool { return v }

//actions:server
func EchoInt(v int) int { return v }

//actions:server
func EchoUint64(v uint64) uint64 { return v }

//actions:server
func EchoFloat32(v float32) float32 { return v }

//actions:server
func EchoString(v string) string { return v }

//actions:server
func EchoCelsius(v Celsius) Celsius { return v }

//actions:server
func EchoStatus(v Status) Status { return v }

//actions:server
func EchoPriority(v Priority) Priority { return v }

//actions:server
func EchoRatio(v Ratio) Ratio { return v }

//actions:server
func EchoToggle(v Toggle) Toggle { return v }

//actions:server
func EchoEscaped(v Escaped) Escaped { return v }

//actions:server
func EchoItem(v Item) Item { return v }

//actions:server
func EchoContainers(v Containers) Containers { return v }

//actions:server
func EchoSpecial(v Special) Special { return v }

//actions:server
func EchoBytes(v []byte) []byte { return v }

//actions:server
func EchoFixedBytes(v [16]byte) [16]byte { return v }

//actions:server
func EchoBlob(v Blob) Blob { return v }

//actions:server
func EchoTime(v time.Time) time.Time { return v }

//actions:server
func EchoDuration(v time.Duration) time.Duration { return v }

//actions:server
func EchoRaw(v json.RawMessage) json.RawMessage { return v }

//actions:server
func EchoAny(v any) any { return v }

//actions:server
func EchoAddr(v netip.Addr) netip.Addr { return v }

//actions:server
func EchoMonth(v time.Month) time.Month { return v }

//actions:server
func EchoPoint(v geo.Point) geo.Point { return v }

//actions:server
func EchoPointer(v *Item) *Item { return v }

//actions:server
func EchoSlice(v []Item) []Item { return v }

//actions:server
func EchoArray(v [2]Item) [2]Item { return v }

//actions:server
func EchoMap(v map[string]Item) map[string]Item { return v }

//actions:server
func EchoIntMap(v map[int]string) map[int]string { return v }

//actions:server
func EchoTextKeyMap(v map[Color]int) map[Color]int { return v }

//actions:server
func EchoItems(v Items) Items { return v }

//actions:server
func EchoInventory(v Inventory) Inventory { return v }

//actions:server
func EchoAnonymous(v Anonymous) Anonymous { return v }

//actions:server
func EchoCategory(v Category) Category { return v }

//actions:server
func EchoNode(v Node) Node { return v }

//actions:server
func EchoTagged(v Tagged) Tagged { return v }

//actions:server
func EchoEmbedding(v Embedding) Embedding { return v }

//actions:server
func EchoMoney(v Money) Money { return v }

//actions:server
func EchoColor(v Color) Color { return v }

//actions:server
func EchoVersion(v Version) Version { return v }

// EchoCode round-trips a type whose marshaler has a pointer receiver.
//
//actions:server
func EchoCode(v Code) Code { return v }

// EchoStamped round-trips a struct that embeds a marshaler; only the
// promoted marshaler's value travels.
//
//actions:server
func EchoStamped(v Stamped) Stamped { return v }

//actions:server
func EchoMarshalers(v Marshalers) Marshalers { return v }

//actions:server
func EchoPage(v Page[Item]) Page[Item] { return v }

//actions:server
func EchoPair(v Pair[string, Item]) Pair[string, Item] { return v }

//actions:server
func EchoTree(v Tree[int]) Tree[int] { return v }

//actions:server
func EchoLookup(v Lookup[Item]) Lookup[Item] { return v }

//actions:server
func EchoGenerics(v Generics) Generics { return v }

//actions:server
func EchoItemPage(v ItemPage) ItemPage { return v }

//actions:server
func EchoList(v List[Item]) List[Item] { return v }

//actions:server
func EchoQuantity(v Quantity) Quantity { return v }

//actions:server
func EchoSignUp(v SignUp) SignUp { return v }

//actions:server
func EchoRange(v Range) Range { return v }
