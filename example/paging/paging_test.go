package paging

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOf(t *testing.T) {
	items := []int{1, 2, 3, 4, 5}
	ptr := func(s string) *string { return &s }
	tests := []struct {
		name   string
		items  []int
		cursor string
		limit  int
		want   Page[int]
	}{
		{"first page", items, "", 2, Page[int]{Items: []int{1, 2}, Total: 5, Next: ptr("2")}},
		{"middle page", items, "2", 2, Page[int]{Items: []int{3, 4}, Total: 5, Next: ptr("4")}},
		{"last page has no next", items, "4", 2, Page[int]{Items: []int{5}, Total: 5}},
		{"default limit takes all five", items, "", 0, Page[int]{Items: items, Total: 5}},
		{"limit is capped", make([]int, MaxLimit+1), "", MaxLimit + 1, Page[int]{Items: make([]int, MaxLimit), Total: MaxLimit + 1, Next: ptr("100")}},
		{"cursor at the end", items, "5", 2, Page[int]{Items: []int{}, Total: 5}},
		{"nil list gives an empty page, not null", nil, "", 2, Page[int]{Items: []int{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Of(tt.items, tt.cursor, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Of(%d items, %q, %d) (-want +got):\n%s", len(tt.items), tt.cursor, tt.limit, diff)
			}
			if got.Items == nil {
				t.Error("Items is nil; it would be sent as null")
			}
		})
	}
}

func TestOfRefusesForeignCursors(t *testing.T) {
	for _, cursor := range []string{"x", "-1", "6", "1e3"} {
		_, err := Of([]int{1, 2, 3, 4, 5}, cursor, 2)
		var cerr *CursorError
		if !errors.As(err, &cerr) || cerr.Cursor != cursor {
			t.Errorf("Of(_, %q, 2) error = %v, want a *CursorError for it", cursor, err)
		}
	}
}

func TestFetchPassesTheWindowOn(t *testing.T) {
	var gotOffset, gotLimit int
	page, err := Fetch("40", 500, func(offset, limit int) ([]string, int, error) {
		gotOffset, gotLimit = offset, limit
		return []string{"a", "b"}, 142, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if gotOffset != 40 || gotLimit != MaxLimit {
		t.Errorf("fetch got offset %d, limit %d; want 40 and %d", gotOffset, gotLimit, MaxLimit)
	}
	if page.Next == nil || *page.Next != "42" || page.Total != 142 {
		t.Errorf("page: %+v; want total 142 and next 42", page)
	}

	wantErr := errors.New("the database is gone")
	if _, err := Fetch("", 0, func(int, int) ([]string, int, error) { return nil, 0, wantErr }); err != wantErr {
		t.Errorf("Fetch returned %v, want fetch's own error", err)
	}
}
