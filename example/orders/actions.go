package orders

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json/v2"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/account"
	"github.com/actionsgo/actions/example/cart"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/paging"
	"github.com/actionsgo/actions/example/shopdb"
)

// PageSize is the number of orders ListOrders returns at a time.
const PageSize = 10

// PlaceOrder buys what is in the checkout's cart for the signed-in
// customer: it takes the products out of stock, empties the cart, keeps
// the photo for the courier if there is one, and returns the order. It
// fails with failed_precondition when the cart is empty or a product sold
// out since it was added, and then nothing changes.
//
// It is a form action: a browser without JavaScript posts the checkout
// form to it and is sent on to the order's page (actions.Redirect), or back
// to the form with what was wrong.
//
//actions:server form
func (s *Store) PlaceOrder(ctx context.Context, checkout Checkout) (Order, error) {
	c := checkout
	u, err := customer(ctx)
	if err != nil {
		return Order{}, err
	}
	photo, err := readPhoto(c.Photo)
	if err != nil {
		return Order{}, err
	}
	o := Order{
		Customer: strings.TrimSpace(c.Name),
		Delivery: c.Delivery,
		Status:   Placed,
		PlacedAt: s.now().UTC().Truncate(time.Millisecond), // as the table keeps it
	}
	if c.Note != nil && strings.TrimSpace(*c.Note) != "" {
		o.Note = c.Note
	}
	// One transaction: the cart cannot change between reading it and
	// emptying it, and the stock is taken only if the order is kept.
	err = shopdb.InTx(ctx, s.db, func(tx *sql.Tx) error {
		cur, err := cart.Load(ctx, tx, c.Cart)
		if err != nil {
			return err
		}
		if len(cur.Lines) == 0 {
			return actions.Errorf(actions.CodeFailedPrecondition, "your cart is empty")
		}
		want := make(map[string]int, len(cur.Lines))
		for _, line := range cur.Lines {
			want[line.ProductID] = line.Quantity
		}
		if err := catalog.Reserve(ctx, tx, want); err != nil {
			return err
		}
		o.Lines, o.Total = cur.Lines, cur.Total
		lines, err := json.Marshal(o.Lines)
		if err != nil {
			return err
		}
		var id int64
		err = tx.QueryRowContext(ctx, `
			INSERT INTO orders (user_id, customer, lines, total, delivery, status, placed_at, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			u.ID, o.Customer, string(lines), o.Total, o.Delivery, o.Status, shopdb.Millis(o.PlacedAt), o.Note).Scan(&id)
		if err != nil {
			return err
		}
		o.ID = orderID(id)
		if photo != nil {
			o.Photo = photo.name
			_, err := tx.ExecContext(ctx, "INSERT INTO order_photos (order_id, name, content_type, data) VALUES (?, ?, ?, ?)",
				id, photo.name, photo.contentType, photo.data)
			if err != nil {
				return err
			}
		}
		return cart.Delete(ctx, tx, c.Cart)
	})
	if err != nil {
		return Order{}, err
	}
	actions.Redirect(ctx, "/orders/"+o.ID)
	return o, nil
}

// photo is a checkout's photo, read.
type photo struct {
	name, contentType string
	data              []byte
}

// photoTypes are the kinds of image a checkout takes, as
// http.DetectContentType names them.
var photoTypes = []string{"image/png", "image/jpeg", "image/webp", "image/gif"}

// readPhoto reads the checkout's photo, or returns nil when there is none.
// It goes by the bytes, not by the type the browser claims.
func readPhoto(f *actions.File) (*photo, error) {
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxPhotoBytes+1))
	if err != nil {
		return nil, err
	}
	ct := http.DetectContentType(data)
	if !slices.Contains(photoTypes, ct) {
		return nil, actions.FieldErrors{"photo": "please choose a PNG, JPEG, WebP or GIF image"}
	}
	name := strings.TrimSpace(f.Name)
	if name == "" || utf8.RuneCountInString(name) > 200 || !utf8.ValidString(name) {
		name = "photo"
	}
	return &photo{name: name, contentType: ct, data: data}, nil
}

// ListOrders returns a page of the signed-in customer's orders, newest
// first. cursor is the Next of the previous page, or "" for the first one.
func (s *Store) ListOrders(ctx context.Context, cursor string) (paging.Page[Order], error) {
	u, err := customer(ctx)
	if err != nil {
		return paging.Page[Order]{}, err
	}
	page, err := paging.Fetch(cursor, PageSize, func(offset, limit int) ([]Order, int, error) {
		return s.list(ctx, u, offset, limit)
	})
	if cerr, ok := errors.AsType[*paging.CursorError](err); ok {
		return page, actions.Errorf(actions.CodeInvalidArgument, "%s", cerr)
	}
	return page, err
}

func (s *Store) list(ctx context.Context, u account.User, offset, limit int) ([]Order, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM orders WHERE user_id = ?", u.ID).Scan(&total); err != nil {
		return nil, 0, err
	}
	out, err := scanOrders(s.db.QueryContext(ctx, selectOrders+`
		WHERE o.user_id = ? ORDER BY o.id DESC LIMIT ? OFFSET ?`, u.ID, limit, offset))
	return out, total, err
}

// selectOrders selects the columns scanOrders reads.
const selectOrders = `
	SELECT o.id, o.customer, o.lines, o.total, o.delivery, o.status, o.placed_at, o.note, COALESCE(p.name, '')
	FROM orders o LEFT JOIN order_photos p ON p.order_id = o.id`

// scanOrders reads the rows of a query of selectOrders.
func scanOrders(rows *sql.Rows, err error) ([]Order, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		var id, placed int64
		var lines []byte
		if err := rows.Scan(&id, &o.Customer, &lines, &o.Total, &o.Delivery, &o.Status, &placed, &o.Note, &o.Photo); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(lines, &o.Lines); err != nil {
			return nil, fmt.Errorf("order %d: %w", id, err)
		}
		o.ID, o.PlacedAt = orderID(id), shopdb.Time(placed)
		out = append(out, o)
	}
	return out, rows.Err()
}

// Receipt returns the receipt of one of the signed-in customer's orders, a
// text file to download: what was bought, at what price, how it comes, and
// the photo the courier has (its name, size and SHA-256, so that the
// customer can see it arrived whole).
func (s *Store) Receipt(ctx context.Context, id string) (actions.File, error) {
	u, err := customer(ctx)
	if err != nil {
		return actions.File{}, err
	}
	o, err := Find(ctx, s.db, u, id)
	if err != nil {
		return actions.File{}, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Corner Shop\nReceipt for order %s\n", o.ID)
	fmt.Fprintf(&b, "Placed %s for %s\n\n", o.PlacedAt.Format("2 January 2006 15:04 UTC"), o.Customer)
	for _, l := range o.Lines {
		fmt.Fprintf(&b, "%3d × %-24s %9s\n", l.Quantity, l.Name, l.Subtotal)
	}
	fmt.Fprintf(&b, "%-30s %9s\n\nDelivery: %s\n", "Total", o.Total, o.Delivery)
	if o.Note != nil {
		fmt.Fprintf(&b, "Note for the courier: %s\n", *o.Note)
	}
	var data []byte
	err = s.db.QueryRowContext(ctx, "SELECT data FROM order_photos WHERE order_id = ?", orderNumber(o.ID)).Scan(&data)
	switch {
	case err == nil:
		fmt.Fprintf(&b, "Photo for the courier: %s, %d bytes, SHA-256 %x\n", o.Photo, len(data), sha256.Sum256(data))
	case !errors.Is(err, sql.ErrNoRows):
		return actions.File{}, err
	}
	return actions.FileFromBytes("receipt-"+o.ID+".txt", "text/plain; charset=utf-8", []byte(b.String())), nil
}

// Find returns the order with the given ID if it is u's, and fails with
// not_found otherwise. The server's order page reads it; it is not an
// action.
func Find(ctx context.Context, q shopdb.Querier, u account.User, id string) (Order, error) {
	n := orderNumber(id)
	if n > 0 {
		orders, err := scanOrders(q.QueryContext(ctx, selectOrders+" WHERE o.user_id = ? AND o.id = ?", u.ID, n))
		if err != nil {
			return Order{}, err
		}
		if len(orders) == 1 {
			return orders[0], nil
		}
	}
	return Order{}, actions.Errorf(actions.CodeNotFound, "you have no order %q", id)
}

// customer returns the signed-in user whom the interceptor found, and
// refuses the call when there is none: the store is safe even where the
// server forgot to guard it.
func customer(ctx context.Context) (account.User, error) {
	u, ok := account.SignedIn(ctx)
	if !ok {
		return account.User{}, actions.Errorf(actions.CodeUnauthenticated, "please sign in")
	}
	return u, nil
}

// orderID is the ID a customer sees for the order numbered n.
func orderID(n int64) string {
	return fmt.Sprintf("A-%d", 1000+n)
}

// orderNumber is the number of the order with the given ID, or 0 for an
// ID that orderID does not make.
func orderNumber(id string) int64 {
	digits, ok := strings.CutPrefix(id, "A-")
	n, err := strconv.ParseInt(digits, 10, 64)
	if !ok || err != nil || n <= 1000 || orderID(n-1000) != id {
		return 0
	}
	return n - 1000
}
