package types

import (
	"encoding/json"
	"math/big"
	"net/netip"
	"time"

	"github.com/actionsgo/actions/testdata/types/geo"
)

// Item is a plain struct with tagged fields.
type Item struct {
	// SKU identifies the item.
	SKU      string  `json:"sku"`
	Quantity int     `json:"quantity"`
	Price    float64 `json:"price"`
}

// Containers holds the composite kinds: pointers, slices, arrays and maps.
type Containers struct {
	Pointer    *Item                          `json:"pointer"`
	PointerPtr **int                          `json:"pointerPtr"`
	Slice      []Item                         `json:"slice"`
	Array      [3]int                         `json:"array"`
	Matrix     [][]float64                    `json:"matrix"`
	Strings    map[string]int                 `json:"strings"`
	Ints       map[int64]Item                 `json:"ints"`
	Uints      map[uint8]bool                 `json:"uints"`
	Enums      map[Status]int                 `json:"enums"`
	IntEnums   map[Priority]string            `json:"intEnums"`
	TextKeys   map[Color]string               `json:"textKeys"`
	FloatKeys  map[float64]string             `json:"floatKeys"`
	NestedMaps map[string]map[string][]string `json:"nestedMaps"`
}

// Special holds the types that encoding/json/v2 treats specially.
type Special struct {
	Bytes     []byte          `json:"bytes"`
	Fixed     [4]byte         `json:"fixed"`
	Blob      Blob            `json:"blob"`
	Time      time.Time       `json:"time"`
	Duration  time.Duration   `json:"duration"`
	Raw       json.RawMessage `json:"raw"`
	Any       any             `json:"any"`
	Interface interface{}     `json:"interface"`
	Addr      netip.Addr      `json:"addr"`
	Big       *big.Int        `json:"big"`
	Month     time.Month      `json:"month"`
	Point     geo.Point       `json:"point"`
}

// Blob is a named byte slice: base64 on the wire, as its elements are an
// unnamed byte type.
type Blob []byte

// Anonymous holds anonymous structs, written inline.
type Anonymous struct {
	Dimensions struct {
		Width  int `json:"width"`
		Height int `json:"height"`
	} `json:"dimensions"`
	Tags []struct {
		Key   string `json:"key"`
		Value string `json:"value,omitempty"`
	} `json:"tags"`
}

// Category is recursive, through a pointer and a slice.
type Category struct {
	Name     string     `json:"name"`
	Parent   *Category  `json:"parent"`
	Children []Category `json:"children"`
}

// Node and Edge refer to each other.
type Node struct {
	ID    string `json:"id"`
	Edges []Edge `json:"edges"`
}

// Edge points at another Node.
type Edge struct {
	To *Node `json:"to"`
}

// Items is a named slice type.
type Items []Item

// Inventory is a named map type.
type Inventory map[string]Item
