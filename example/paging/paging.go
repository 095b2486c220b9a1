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

// Fetch returns the page that starts at cursor ("" for the first page) and
// holds at most limit items (DefaultLimit when limit is 0 or less, MaxLimit
// at most). fetch gets them: the items from offset on, at most limit of
// them, and how many items there are in all; a database query with LIMIT
// and OFFSET, say. A cursor that is not a position in the list is an
// error; fetch's own errors are returned as they are.
func Fetch[T any](cursor string, limit int, fetch func(offset, limit int) (items []T, total int, err error)) (Page[T], error) {
	offset := 0
	if cursor != "" {
		n, err := strconv.Atoi(cursor)
		if err != nil || n < 0 {
			return Page[T]{}, &CursorError{Cursor: cursor}
		}
		offset = n
	}
	limit = min(max(limit, 0), MaxLimit)
	if limit == 0 {
		limit = DefaultLimit
	}
	items, total, err := fetch(offset, limit)
	if err != nil {
		return Page[T]{}, err
	}
	if offset > total {
		return Page[T]{}, &CursorError{Cursor: cursor}
	}
	// A page always has a list, even an empty one, so the client never
	// sees null where it expects an array.
	page := Page[T]{Items: append([]T{}, items[:min(len(items), limit)]...), Total: total}
	if end := offset + len(page.Items); end < total {
		next := strconv.Itoa(end)
		page.Next = &next
	}
	return page, nil
}

// Of returns the page of items that starts at cursor, as Fetch does, for a
// list that is all in memory.
func Of[T any](items []T, cursor string, limit int) (Page[T], error) {
	return Fetch(cursor, limit, func(offset, limit int) ([]T, int, error) {
		if offset > len(items) {
			return nil, len(items), nil
		}
		return items[offset:min(offset+limit, len(items))], len(items), nil
	})
}

// CursorError reports a cursor that is not one Fetch handed out.
type CursorError struct {
	Cursor string
}

func (e *CursorError) Error() string {
	return "invalid page cursor " + strconv.Quote(e.Cursor)
}
