package app

import (
	"fmt"
	"time"
)

// LargeCount is the number of items in the large payload.
const LargeCount = 1000

// SampleItem returns the i-th item of the payloads: every field set, with
// values that vary by i so no two items encode alike.
func SampleItem(i int) Item {
	discount := 0.15
	return Item{
		ID:        fmt.Sprintf("item-%06d", i),
		Name:      fmt.Sprintf("Ceramic mug, model %d", i),
		Price:     12.5 + float64(i%100),
		Quantity:  i % 7,
		Active:    i%2 == 0,
		Tags:      []string{"kitchen", "gift", fmt.Sprintf("batch-%d", i%10)},
		Attrs:     map[string]string{"color": "blue", "size": "M", "material": "stoneware"},
		CreatedAt: time.Date(2026, 11, 28, 12, 0, i%60, 0, time.UTC),
		Discount:  &discount,
		Owner:     "warehouse-3",
	}
}

// SampleItems returns n items.
func SampleItems(n int) []Item {
	items := make([]Item, n)
	for i := range items {
		items[i] = SampleItem(i)
	}
	return items
}
