// Package paging splits long lists into pages that a client walks with a
// cursor.
package paging

import (
	"strconv"
)

// DefaultLimit is the page size when a request asks for none.
const DefaultLimit = 20

// MaxLimit caps the page size a client may ask for.
const MaxLimit = 100

// Page is one page of a longer list.
type Page[T any] struct {
	// Items are this page's items, in order.
	Items []T `json:"items"`
	// Total counts the items of every page.
	Total int `json:"total"`
	// Next is the cursor of the following page, or null on the last one.
	Next *string `json:"next"`
}

// Of returns the page of items that starts at cursor ("" for the first page)
// and holds at most limit items (DefaultLimit when limit is 0 or less,
// MaxLimit at most). A cursor that this function did not hand out is
// an error.
func Of[T any](items []T, cursor string, limit int) (Page[T], error) {
	start := 0
	if cursor != "" {
		n, err := strconv.Atoi(cursor)
		if err != nil || n < 0 || n > len(items) {
			return Page[T]{}, &CursorError{Cursor: cursor}
		}
		start = n
	}
	limit = min(max(limit, 0), MaxLimit)
	if limit == 0 {
		limit = DefaultLimit
	}
	end := min(start+limit, len(items))
	// A page always has a list, even an empty one, so the client never
	// sees null where it expects an array.
	page := Page[T]{Items: append([]T{}, items[start:end]...), Total: len(items)}
	if end < len(items) {
		next := strconv.Itoa(end)
		page.Next = &next
	}
	return page, nil
}

// CursorError reports a cursor that is not one Of handed out.
type CursorError struct {
	Cursor string
}

func (e *CursorError) Error() string {
	return "invalid page cursor " + strconv.Quote(e.Cursor)
}
