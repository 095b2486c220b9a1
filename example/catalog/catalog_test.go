package catalog

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/internal/actiontest"
)

func ids(products []Product) []string {
	var out []string
	for _, p := range products {
		out = append(out, p.ID)
	}
	return out
}

func TestListProducts(t *testing.T) {
	ctx := context.Background()
	first, err := ListProducts(ctx, Query{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"apple", "pear", "lemon"}, ids(first.Items)); diff != "" {
		t.Errorf("first page (-want +got):\n%s", diff)
	}
	if first.Total != len(Shelf()) || first.Next == nil {
		t.Fatalf("first page: Total %d, Next %v; want %d and a cursor", first.Total, first.Next, len(Shelf()))
	}
	second, err := ListProducts(ctx, Query{Cursor: *first.Next, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"carrot", "avocado", "bread"}, ids(second.Items)); diff != "" {
		t.Errorf("second page (-want +got):\n%s", diff)
	}

	bakery := Bakery
	got, err := ListProducts(ctx, Query{Category: &bakery})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"bread", "croissant"}, ids(got.Items)); diff != "" {
		t.Errorf("bakery (-want +got):\n%s", diff)
	}

	_, err = ListProducts(ctx, Query{Cursor: "nine"})
	actiontest.WantError(t, err, actions.CodeInvalidArgument, `invalid page cursor "nine"`)
}

func TestGetProduct(t *testing.T) {
	p, err := GetProduct(context.Background(), "pear")
	if err != nil || p.Name != "Pears" || p.Price != 280 {
		t.Errorf(`GetProduct("pear") = %+v, %v; want the pears at 280 cents`, p, err)
	}
	_, err = GetProduct(context.Background(), "durian")
	actiontest.WantError(t, err, actions.CodeNotFound, `no product "durian"`)
}

func testStore() *store {
	return newStore([]Product{
		{ID: "a", Name: "Apples", Stock: 5},
		{ID: "b", Name: "Bread", Stock: 1},
		{ID: "c", Name: "Cheese", Stock: 0},
	})
}

func stock(s *store) map[string]int {
	out := map[string]int{}
	for _, p := range s.list(nil) {
		out[p.ID] = p.Stock
	}
	return out
}

func TestReserveIsAllOrNothing(t *testing.T) {
	tests := []struct {
		name    string
		want    map[string]int
		code    actions.Code
		message string
	}{
		{"too many", map[string]int{"a": 2, "b": 2}, actions.CodeFailedPrecondition, "only 1 of Bread left, cannot take 2"},
		{"sold out", map[string]int{"a": 2, "c": 1}, actions.CodeFailedPrecondition, "Cheese is sold out"},
		{"unknown product", map[string]int{"a": 2, "z": 1}, actions.CodeNotFound, `no product "z"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testStore()
			before := stock(s)
			actiontest.WantError(t, s.reserve(tt.want), tt.code, tt.message)
			if diff := cmp.Diff(before, stock(s)); diff != "" {
				t.Errorf("a failed reserve changed the stock (-before +after):\n%s", diff)
			}
		})
	}

	s := testStore()
	if err := s.reserve(map[string]int{"a": 2, "b": 1}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"a": 3, "b": 0, "c": 0}, stock(s)); diff != "" {
		t.Errorf("stock after reserving 2 a and 1 b (-want +got):\n%s", diff)
	}
}

// TestReserveConcurrently checks that the last units go to exactly as many
// buyers as there are units, however the calls interleave.
func TestReserveConcurrently(t *testing.T) {
	s := testStore()
	var sold atomic.Int64
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if s.reserve(map[string]int{"a": 1}) == nil {
				sold.Add(1)
			}
		})
	}
	wg.Wait()
	if sold.Load() != 5 || stock(s)["a"] != 0 {
		t.Errorf("sold %d of 5 apples, %d left", sold.Load(), stock(s)["a"])
	}
}

func TestCentsString(t *testing.T) {
	for c, want := range map[Cents]string{0: "€0.00", 5: "€0.05", 320: "€3.20", 123456: "€1234.56", -150: "-€1.50"} {
		if got := c.String(); got != want {
			t.Errorf("Cents(%d).String() = %q, want %q", int64(c), got, want)
		}
	}
}

func TestRestock(t *testing.T) {
	s := testStore()
	if err := s.restock("c", 3); err != nil {
		t.Fatal(err)
	}
	if got := stock(s)["c"]; got != 3 {
		t.Errorf("cheese after restocking 3: %d", got)
	}
	actiontest.WantError(t, s.restock("z", 1), actions.CodeNotFound, `no product "z"`)
}
