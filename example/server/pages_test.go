package server

import (
	"bytes"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// browser is a client without JavaScript: it keeps cookies, sends the
// Referer of the page it is on, and does not follow redirects, so that the
// test sees each 303.
type browser struct {
	t    *testing.T
	srv  *httptest.Server
	c    *http.Client
	page string // the URL of the page it is on
}

func newBrowser(t *testing.T) *browser {
	h, err := New(Config{Web: "../web", DB: newDB(t), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &browser{t: t, srv: srv, c: c}
}

// open gets a page and returns its status and body.
func (b *browser) open(path string) (int, string) {
	b.t.Helper()
	res, err := b.c.Get(b.srv.URL + path)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	b.page = b.srv.URL + path
	return res.StatusCode, string(body)
}

// post sends a form as the browser does, from the page it is on, and
// returns where the 303 sends it.
func (b *browser) post(action, contentType string, body io.Reader) string {
	b.t.Helper()
	req, _ := http.NewRequest("POST", b.srv.URL+"/_actions/"+action, body)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Referer", b.page)
	req.Header.Set("Origin", b.srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		b.t.Fatalf("POST %s: %d, want 303", action, res.StatusCode)
	}
	return res.Header.Get("Location")
}

func (b *browser) postForm(action string, values url.Values) string {
	b.t.Helper()
	return b.post(action, "application/x-www-form-urlencoded", strings.NewReader(values.Encode()))
}

// postMultipart sends fields and one file, as a form with
// enctype="multipart/form-data" does.
func (b *browser) postMultipart(action string, values url.Values, field, name string, data []byte) string {
	b.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, vs := range values {
		for _, v := range vs {
			w.WriteField(k, v)
		}
	}
	fw, _ := w.CreateFormFile(field, name)
	fw.Write(data)
	w.Close()
	return b.post(action, w.FormDataContentType(), &body)
}

var cartAttr = regexp.MustCompile(`<body data-cart="([A-Z0-9]+)">`)

// TestPagesWithoutJavaScript follows a customer whose browser runs no
// script: the page the server renders, the forms posted to their actions,
// each 303 back to a page that shows the outcome, and the order's page.
func TestPagesWithoutJavaScript(t *testing.T) {
	b := newBrowser(t)
	status, page := b.open("/")
	m := cartAttr.FindStringSubmatch(page)
	if status != 200 || m == nil {
		t.Fatalf("GET /: %d, cart %v", status, m)
	}
	cartID := m[1]
	for _, want := range []string{
		`<form method="post" action="/_actions/cart.Store.Add">`,
		`<input type="hidden" name="cart" value="` + cartID + `">`,
		`<form id="checkout" class="panel" method="post" action="/_actions/orders.Store.PlaceOrder" enctype="multipart/form-data"`,
		`<p class="hint">Sign in to place your order.</p>`,
		`<p class="hint" data-no-js>Signing in needs JavaScript.</p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %s", want)
		}
	}
	// The cookie keeps the cart.
	if _, again := b.open("/"); !strings.Contains(again, `data-cart="`+cartID+`"`) {
		t.Error("a second visit has another cart")
	}

	if to := b.postForm("cart.Store.Add", url.Values{"cart": {cartID}, "product": {"bread"}}); to != "/" {
		t.Errorf("Add sends the browser to %q, want back to /", to)
	}
	b.postForm("cart.Store.Add", url.Values{"cart": {cartID}, "product": {"honey"}})
	_, page = b.open("/")
	for _, want := range []string{
		`<span class="what">🍞 Sourdough loaf × 1</span>`,
		`<output id="cart-total">€5.25</output>`,
		// The failed Add shows in the error bar, once.
		`<code class="code">failed_precondition</code>`,
		`<span class="message">Wildflower honey is sold out</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page after adding has no %s", want)
		}
	}
	if _, again := b.open("/"); strings.Contains(again, "sold out</span>") {
		t.Error("the outcome of the Add shows on a second visit")
	}

	// Signed out, a valid checkout is refused by the session interceptor.
	checkout := url.Values{
		"cart": {cartID}, "name": {"Ada"}, "email": {"ada@example.com"}, "address": {"Damrak 1"},
		"postcode": {"1012 AB"}, "delivery": {"express"}, "note": {"Ring twice"},
	}
	b.postMultipart("orders.Store.PlaceOrder", checkout, "photo", "", nil) // no file chosen
	_, page = b.open("/")
	if !strings.Contains(page, `<code class="code">unauthenticated</code> <span class="message">please sign in</span>`) {
		t.Error("the checkout signed out does not say to sign in")
	}

	// Sign in as a script would, then check out with fields at fault.
	req, _ := http.NewRequest("POST", b.srv.URL+"/_actions/account.Store.SignIn", strings.NewReader(`[{"email":"ada@example.com","password":"correct horse"}]`))
	req.Header.Set("Content-Type", "application/json")
	if res, err := b.c.Do(req); err != nil || res.StatusCode != 200 {
		t.Fatalf("SignIn: %v %v", res, err)
	}
	b.open("/")
	bad := url.Values{}
	for k, v := range checkout {
		bad[k] = v
	}
	bad["name"], bad["postcode"] = []string{" "}, []string{"12"}
	b.postMultipart("orders.Store.PlaceOrder", bad, "photo", "", nil)
	_, page = b.open("/")
	for _, want := range []string{
		`<input name="name" value=" " autocomplete="name" aria-invalid="true" aria-describedby="checkout-name-error" autofocus>`,
		`<p id="checkout-name-error" class="field-error">please enter your name</p>`,
		`<p id="checkout-postcode-error" class="field-error">&#34;12&#34; is not a postcode like 1012 AB</p>`,
		`<input name="address" value="Damrak 1" autocomplete="street-address">`,
		`<input type="radio" name="delivery" value="express" checked>`,
		`<textarea name="note" rows="2">Ring twice</textarea>`,
		`<code class="code">invalid_argument</code>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page after a refused checkout has no %s", want)
		}
	}

	// A good one goes to the order's page, which thanks once.
	to := b.postMultipart("orders.Store.PlaceOrder", checkout, "photo", "door.png", []byte("\x89PNG\r\n\x1a\n"))
	if to != "/orders/A-1001" {
		t.Fatalf("the checkout sends the browser to %q, want /orders/A-1001", to)
	}
	status, page = b.open(to)
	for _, want := range []string{
		`<p class="placed" role="status">Thank you! Order A-1001 is on its way to you.</p>`,
		`<span class="what">🍞 Sourdough loaf × 1</span>`,
		`Note for the courier: <q class="note">Ring twice</q>`,
		`Photo for the courier: <span class="photo">door.png</span>`,
	} {
		if status != 200 || !strings.Contains(page, want) {
			t.Errorf("the order's page (%d) has no %s", status, want)
		}
	}
	if _, again := b.open(to); strings.Contains(again, "Thank you") {
		t.Error("the order's page thanks on a second visit")
	}
	// Its receipt is a link, a download without JavaScript.
	res, err := b.c.Get(b.srv.URL + to + "/receipt")
	if err != nil {
		t.Fatal(err)
	}
	receipt, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Disposition") != `attachment; filename=receipt-A-1001.txt` ||
		!strings.Contains(string(receipt), "Receipt for order A-1001\n") || !strings.Contains(string(receipt), "Photo for the courier: door.png, 8 bytes") {
		t.Errorf("the receipt: %d %v\n%s", res.StatusCode, res.Header, receipt)
	}
	_, page = b.open("/")
	if !strings.Contains(page, `<a class="what" href="/orders/A-1001">A-1001: 1 item, express</a>`) || !strings.Contains(page, `id="cart-empty" class="hint">`) {
		t.Error("the page after the order does not list it, or the cart is not empty")
	}

	// Another's order, or none, is not found; signed out, none is shown.
	for _, path := range []string{"/orders/A-1002", "/orders/A-1002/receipt"} {
		if status, _ := b.open(path); status != 404 {
			t.Errorf("%s, an order that is not there: %d, want 404", path, status)
		}
	}
	stranger := newBrowser(t)
	if status, page := stranger.open("/orders/A-1001"); status != 401 || !strings.Contains(page, "please sign in to see your orders") {
		t.Errorf("an order's page signed out: %d", status)
	}
}
