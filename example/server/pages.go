package server

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"errors"
	"html/template"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/actionsgo/actions"
	"github.com/actionsgo/actions/example/account"
	"github.com/actionsgo/actions/example/cart"
	"github.com/actionsgo/actions/example/catalog"
	"github.com/actionsgo/actions/example/orders"
)

// The pages are rendered on the server, so that they work before the
// script loads and without it: the products with a form to add each to
// the cart, the cart, the checkout form (which the script replaces with a
// React component) and the signed-in customer's orders. Signing in needs
// the script: the outcome of a failed form post carries the values sent
// in its cookie, which must never hold a password. A form posted
// without JavaScript goes to its action, which sends the browser back
// here (303 See Other) with the outcome, read once with FormResult.

// CartCookie is the name of the cookie that holds the browser's cart ID.
// The server makes one up at the first visit; the page hands it to the
// script, which passes it to the cart's actions, and puts it in the
// hidden inputs of its forms.
const CartCookie = "cart"

// cartCookieAge is how long a browser keeps its cart.
const cartCookieAge = 30 * 24 * time.Hour

// pages renders the shop's pages from the templates in the web directory.
type pages struct {
	home, order *template.Template
	calls       *actions.Handler
	db          *sql.DB
	products    *catalog.Store
	accounts    *account.Store
	book        *orders.Store
	logger      *slog.Logger
}

// parsePages parses web/index.html and web/order.html.
func parsePages(web string) (home, order *template.Template, err error) {
	parse := func(name string) (*template.Template, error) {
		text, err := os.ReadFile(filepath.Join(web, name))
		if err != nil {
			return nil, err
		}
		return template.New(name).Funcs(template.FuncMap{
			"field": newField,
			"when":  func(t time.Time) string { return t.Format("Mon 2 Jan 15:04 UTC") },
			"units": func(lines []cart.Line) int {
				n := 0
				for _, l := range lines {
					n += l.Quantity
				}
				return n
			},
		}).Parse(string(text))
	}
	if home, err = parse("index.html"); err != nil {
		return nil, nil, err
	}
	if order, err = parse("order.html"); err != nil {
		return nil, nil, err
	}
	return home, order, nil
}

// homePage is what index.html shows.
type homePage struct {
	CartID   string
	User     *account.User
	Cart     cart.Cart
	Products []catalog.Product
	Orders   []orders.Order
	// Error is the outcome of a form that failed and has no place of its
	// own on the page (adding to the cart), shown in the error bar.
	Error    *actions.FormOutcome
	Checkout formView
}

// checkoutFields are the checkout form's inputs in the order the page
// shows them: the first one at fault gets the focus.
var checkoutFields = []string{"cart", "name", "email", "address", "postcode", "delivery", "note", "photo"}

func (p *pages) serveHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	page := homePage{CartID: cartID(w, r), Checkout: formView{ID: "checkout"}}
	var err error
	if page.Cart, err = cart.Load(ctx, p.db, cart.ID(page.CartID)); err != nil {
		p.fail(w, r, err)
		return
	}
	// Every product on one page: the script shows them a page at a time.
	all, err := p.products.ListProducts(ctx, catalog.Query{Limit: 100})
	if err != nil {
		p.fail(w, r, err)
		return
	}
	page.Products = all.Items
	u, ok, err := p.accounts.UserOf(r)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	if ok {
		page.User = &u
		list, err := p.book.ListOrders(account.WithUser(ctx, u), "")
		if err != nil {
			p.fail(w, r, err)
			return
		}
		page.Orders = list.Items
	}
	if o, ok := p.calls.FormResult(w, r); ok && !o.OK {
		switch o.Action {
		case "orders.Store.PlaceOrder":
			page.Checkout = newFormView(o, "checkout", checkoutFields)
		default:
			page.Error = o
		}
	}
	p.render(w, r, p.home, page)
}

// orderPage is what order.html shows.
type orderPage struct {
	User  account.User
	Order orders.Order
	// Placed is whether the browser comes here from placing the order.
	Placed bool
}

func (p *pages) serveOrder(w http.ResponseWriter, r *http.Request) {
	u, ok, err := p.accounts.UserOf(r)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	if !ok {
		p.fail(w, r, actions.Errorf(actions.CodeUnauthenticated, "please sign in to see your orders"))
		return
	}
	o, err := orders.Find(r.Context(), p.db, u, r.PathValue("id"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	page := orderPage{User: u, Order: o}
	if outcome, ok := p.calls.FormResult(w, r); ok && outcome.OK && outcome.Action == "orders.Store.PlaceOrder" {
		page.Placed = true
	}
	p.render(w, r, p.order, page)
}

// serveReceipt sends an order's receipt as a download, for a link that
// works without JavaScript: the same Receipt that the script calls as an
// action, called here as the Go method it is.
func (p *pages) serveReceipt(w http.ResponseWriter, r *http.Request) {
	u, ok, err := p.accounts.UserOf(r)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	if !ok {
		p.fail(w, r, actions.Errorf(actions.CodeUnauthenticated, "please sign in to see your orders"))
		return
	}
	f, err := p.book.Receipt(account.WithUser(r.Context(), u), r.PathValue("id"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	rc, err := f.Open()
	if err != nil {
		p.fail(w, r, err)
		return
	}
	defer rc.Close()
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	io.Copy(w, rc)
}

// cartID returns the browser's cart ID, from its cookie, or a new one that
// the response sets.
func cartID(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(CartCookie); err == nil && cart.ID(c.Value).Validate() == nil {
		return c.Value
	}
	id := rand.Text()
	http.SetCookie(w, &http.Cookie{
		Name: CartCookie, Value: id, Path: "/", MaxAge: int(cartCookieAge.Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil,
	})
	return id
}

// render writes a page. It is rendered into a buffer first, so that a
// template's error is an error page, not half a page.
func (p *pages) render(w http.ResponseWriter, r *http.Request, t *template.Template, data any) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		p.fail(w, r, err)
		return
	}
	// The page is this browser's own (its cart, its orders): no cache
	// may keep it for another.
	w.Header().Set("Cache-Control", "private, no-cache")
	serve(w, "text/html; charset=utf-8", b.Bytes())
}

// fail answers a page's request with the error's status, and logs an
// error that is not an *actions.Error.
func (p *pages) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "something went wrong"
	if e, ok := errors.AsType[*actions.Error](err); ok {
		status, msg = e.Code.HTTPStatus(), e.Message
	} else {
		p.logger.Error("page", "path", r.URL.Path, "err", err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	template.Must(template.New("").Parse(errorPage)).Execute(w, msg)
}

const errorPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Corner Shop</title><link rel="stylesheet" href="/assets/style.css"></head>
<body><main class="page"><section class="panel"><p class="refused" role="alert">{{.}}</p><p><a href="/">Back to the shop</a></p></section></main></body></html>
`

// formView is a form as the page shows it after a post without
// JavaScript failed: the error, each field's message, and the values
// sent, to fill the inputs again (never a file's: a file input cannot be
// filled by the page).
type formView struct {
	// ID is the form's id, which the ids of its fields' messages start
	// with: "checkout-name-error".
	ID     string
	Failed bool
	Code   actions.Code
	Error  string
	Fields map[string]string
	Values map[string][]string
	// Focus is the first field at fault, whose input gets the focus.
	Focus string
}

func newFormView(o *actions.FormOutcome, id string, order []string) formView {
	v := formView{ID: id, Failed: true, Code: o.Code, Error: o.Error, Fields: o.Fields, Values: o.Values}
	if i := slices.IndexFunc(order, func(name string) bool { return o.Fields[name] != "" }); i >= 0 {
		v.Focus = order[i]
	}
	return v
}

// Value is the value sent for the field name, or "".
func (v formView) Value(name string) string {
	if vs := v.Values[name]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// Is reports whether the value sent for the field name is value; with
// nothing sent, whether value is the default.
func (v formView) Is(name, value, def string) bool {
	if !v.Failed {
		return value == def
	}
	return v.Value(name) == value
}

// field is one input of a form for the template "field": its name, label,
// input type, autocomplete token, and what the form view says of it.
type field struct {
	Form                            formView
	Name, Label, Type, Autocomplete string
}

func newField(form formView, name, label, typ, autocomplete string) field {
	return field{Form: form, Name: name, Label: label, Type: typ, Autocomplete: autocomplete}
}

// Error is the field's message, or "".
func (f field) Error() string { return f.Form.Fields[f.Name] }

// Value is the value sent for the field, to fill it again.
func (f field) Value() string { return f.Form.Value(f.Name) }

// ErrorID is the id of the element that holds the field's message.
func (f field) ErrorID() string { return f.Form.ID + "-" + f.Name + "-error" }

// Focus reports whether the field is the first one at fault.
func (f field) Focus() bool { return f.Form.Focus == f.Name }
