package types

// Page is a generic page of results.
type Page[T any] struct {
	Items []T `json:"items"`
	// Next is the cursor of the next page, null on the last one.
	Next *string `json:"next"`
}

// Pair has two type parameters.
type Pair[K comparable, V any] struct {
	Key   K `json:"key"`
	Value V `json:"value"`
}

// Tree is a recursive generic type.
type Tree[T any] struct {
	Value    T         `json:"value"`
	Children []Tree[T] `json:"children,omitempty"`
}

// Lookup is a generic map type.
type Lookup[V any] map[string]V

// Generics uses generic types with arguments, nested and partly
// instantiated with another type parameter.
type Generics struct {
	Items  Page[Item]                `json:"items"`
	Pairs  []Pair[string, int]       `json:"pairs"`
	Nested Page[Pair[Status, *Item]] `json:"nested"`
	Tree   Tree[string]              `json:"tree"`
	Lookup Lookup[Page[int]]         `json:"lookup"`
	Alias  ItemPage                  `json:"alias"`
	List   List[Color]               `json:"list"`
}

// ItemPage is an alias: it resolves to Page[Item].
type ItemPage = Page[Item]

// List is a generic alias (Go 1.24): it resolves to []T.
type List[T any] = []T

// Quantity is an alias of a basic type: it resolves to int.
type Quantity = int
