package catalog

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/internal/shoptest"
	"github.com/actionsgo/actions/example/shopdb"
)

// newStore returns a catalog of the shop's shelf in a database of the
// test's own.
func newStore(t *testing.T) *Store {
	t.Helper()
	db := shoptest.DB(t)
	if err := Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return NewStore(db)
}

func ids(products []Product) []string {
	var out []string
	for _, p := range products {
		out = append(out, p.ID)
	}
	return out
}

func TestListProducts(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	first, err := s.ListProducts(ctx, Query{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"apple", "pear", "lemon"}, ids(first.Items)); diff != "" {
		t.Errorf("first page (-want +got):\n%s", diff)
	}
	if first.Total != len(Shelf()) || first.Next == nil {
		t.Fatalf("first page: Total %d, Next %v; want %d and a cursor", first.Total, first.Next, len(Shelf()))
	}
	if diff := cmp.Diff(Shelf()[0], first.Items[0]); diff != "" {
		t.Errorf("the apples as read back (-shelf +read):\n%s", diff)
	}
	second, err := s.ListProducts(ctx, Query{Cursor: *first.Next, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"carrot", "avocado", "bread"}, ids(second.Items)); diff != "" {
		t.Errorf("second page (-want +got):\n%s", diff)
	}

	bakery := Bakery
	got, err := s.ListProducts(ctx, Query{Category: &bakery})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"bread", "croissant"}, ids(got.Items)); diff != "" || got.Total != 2 || got.Next != nil {
		t.Errorf("bakery: total %d, next %v, (-want +got):\n%s", got.Total, got.Next, diff)
	}

	for _, cursor := range []string{"nine", "-1", "99"} {
		_, err = s.ListProducts(ctx, Query{Cursor: cursor})
		shoptest.WantError(t, err, actions.CodeInvalidArgument, `invalid page cursor "`+cursor+`"`)
	}
}

func TestGetProduct(t *testing.T) {
	s := newStore(t)
	p, err := s.GetProduct(context.Background(), "pear")
	if err != nil || p.Name != "Pears" || p.Price != 280 {
		t.Errorf(`GetProduct("pear") = %+v, %v; want the pears at 280 cents`, p, err)
	}
	_, err = s.GetProduct(context.Background(), "durian")
	shoptest.WantError(t, err, actions.CodeNotFound, `no product "durian"`)
}

func TestSeedOnce(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	reserve(t, s, map[string]int{"apple": 1})
	if err := Seed(ctx, s.db); err != nil {
		t.Fatal(err)
	}
	if got := levels(t, s)["apple"]; got != 39 {
		t.Errorf("apples after a second Seed: %d, want the 39 left, not a new shelf", got)
	}
}

func reserve(t *testing.T, s *Store, want map[string]int) error {
	t.Helper()
	return shopdb.InTx(context.Background(), s.db, func(tx *sql.Tx) error {
		return Reserve(context.Background(), tx, want)
	})
}

func levels(t *testing.T, s *Store) map[string]int {
	t.Helper()
	all, err := stock(context.Background(), s.db)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, l := range all {
		out[l.ProductID] = l.Stock
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
		{"too many", map[string]int{"apple": 2, "croissant": 2}, actions.CodeFailedPrecondition, "only 1 of Croissants left, cannot take 2"},
		{"sold out", map[string]int{"apple": 2, "honey": 1}, actions.CodeFailedPrecondition, "Wildflower honey is sold out"},
		{"unknown product", map[string]int{"apple": 2, "zucchini": 1}, actions.CodeNotFound, `no product "zucchini"`},
		// The first product on the shelf that lacks stock is named, whatever
		// the order of the map.
		{"two lack stock", map[string]int{"honey": 1, "croissant": 2, "pear": 1}, actions.CodeFailedPrecondition, "only 1 of Croissants left, cannot take 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			before := levels(t, s)
			shoptest.WantError(t, reserve(t, s, tt.want), tt.code, tt.message)
			if diff := cmp.Diff(before, levels(t, s)); diff != "" {
				t.Errorf("a failed reserve changed the stock (-before +after):\n%s", diff)
			}
		})
	}

	s := newStore(t)
	if err := reserve(t, s, map[string]int{"apple": 2, "croissant": 1}); err != nil {
		t.Fatal(err)
	}
	got := levels(t, s)
	if got["apple"] != 38 || got["croissant"] != 0 || got["pear"] != 25 {
		t.Errorf("stock after reserving 2 apples and the croissants: %v", got)
	}
}

// TestReserveConcurrently checks that the last units go to exactly as many
// buyers as there are units, however the transactions interleave.
func TestReserveConcurrently(t *testing.T) {
	s := newStore(t)
	var sold atomic.Int64
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if reserve(t, s, map[string]int{"avocado": 1}) == nil {
				sold.Add(1)
			}
		})
	}
	wg.Wait()
	if sold.Load() != 12 || levels(t, s)["avocado"] != 0 {
		t.Errorf("sold %d of 12 avocados, %d left", sold.Load(), levels(t, s)["avocado"])
	}
}

func TestWatchStock(t *testing.T) {
	s := newStore(t)
	s.poll = 10 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	var got []StockLevel
	for l, err := range s.WatchStock(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, l)
		if len(got) == len(Shelf()) {
			// Every product came first; now someone buys.
			if err := reserve(t, s, map[string]int{"pear": 2, "bread": 1}); err != nil {
				t.Fatal(err)
			}
		}
		if len(got) == len(Shelf())+2 {
			break
		}
	}
	if got[0] != (StockLevel{"apple", 40}) {
		t.Errorf("first level: %+v, want the 40 apples", got[0])
	}
	if diff := cmp.Diff([]StockLevel{{"pear", 23}, {"bread", 7}}, got[len(Shelf()):]); diff != "" {
		t.Errorf("the changes (-want +got):\n%s", diff)
	}
}

func TestWatchStockEndsWithItsContext(t *testing.T) {
	s := newStore(t)
	s.poll = time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range s.WatchStock(ctx) {
			if n++; n == len(Shelf()) {
				cancel()
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("WatchStock went on after its context ended")
	}
}

func TestCentsString(t *testing.T) {
	for c, want := range map[Cents]string{0: "€0.00", 5: "€0.05", 320: "€3.20", 123456: "€1234.56", -150: "-€1.50"} {
		if got := c.String(); got != want {
			t.Errorf("Cents(%d).String() = %q, want %q", int64(c), got, want)
		}
	}
}
