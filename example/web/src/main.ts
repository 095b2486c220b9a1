// The shop's page. Every call to the server goes through the generated
// client in ./gen: each function there is a Go method of a service (the
// Store of the catalog, cart, account or orders package) or a Go function,
// typed as Go declares it.
//
// The server renders the page so that it works without this script (its
// forms post to their actions); once the script runs it takes the page
// over, and mounts the checkout, a React component (./checkout.tsx), in
// place of the server's checkout form. The rest is plain TypeScript.

import { type User, me, signIn, signOut } from "./gen/account.js";
import { type Cart, addToCart, clearCart, getCart, removeFromCart } from "./gen/cart.js";
import { type Cents, Category, type Product, listProducts, watchStock } from "./gen/catalog.js";
import { type DeliveryOption, type Order, checkDelivery, listOrders, receipt } from "./gen/orders.js";
import { ActionError } from "./gen/runtime.js";
import { mountCheckout } from "./checkout.js";

/** Products per page: small, so that "Show more" walks the pages. */
const pageSize = 6;

/** The element with the given id, which the page is known to have. */
function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

/**
 * Makes an element: el("li", { className: "line" }, child, "text").
 */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const euros = new Intl.NumberFormat("en-IE", { style: "currency", currency: "EUR" });
const money = (c: Cents): string => euros.format(c / 100);
const when = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/**
 * The cart's ID. The server made it up at this browser's first visit, keeps
 * it in a cookie, and writes it into the page, for the script to pass to
 * the cart's actions and the forms to send in a hidden input.
 */
const cartID: string = document.body.dataset["cart"] ?? "";

// What only works with the script shows now; what stands in for it goes.
for (const node of document.querySelectorAll<HTMLElement>("[data-needs-js]")) node.hidden = false;
for (const node of document.querySelectorAll<HTMLElement>("[data-no-js]")) node.remove();

// The error bar: the code and message of the last failed call.

const errorBar = byId("error");

function showError(err: unknown): void {
  const [code, message] =
    err instanceof ActionError
      ? // An internal error's message says nothing; its ID finds it in the
        // server's log. Field errors say what is wrong with each field.
        [err.code, err.id ? `${err.message} (error ID ${err.id})` : err.fieldErrors ? Object.values(err.fieldErrors).join("; ") : err.message]
      : ["network", err instanceof Error ? err.message : String(err)];
  errorBar.querySelector(".code")!.textContent = code;
  errorBar.querySelector(".message")!.textContent = message;
  errorBar.hidden = false;
}

function hideError(): void {
  errorBar.hidden = true;
}

errorBar.querySelector(".dismiss")!.addEventListener("click", hideError);

/**
 * Runs a call with the buttons disabled, so that a second click cannot send
 * it twice, and shows its error if it fails. It resolves with the call's
 * result, or undefined when it failed.
 */
async function busy<T>(buttons: HTMLButtonElement[], call: () => Promise<T>): Promise<T | undefined> {
  for (const b of buttons) {
    b.disabled = true;
    b.setAttribute("aria-busy", "true");
  }
  hideError();
  try {
    return await call();
  } catch (err) {
    showError(err);
    return undefined;
  } finally {
    for (const b of buttons) {
      b.disabled = false;
      b.removeAttribute("aria-busy");
    }
  }
}

// Products: a page at a time, of one category or all. The list is a read
// (a get action) that the browser keeps for a few seconds; the stock
// levels on the cards come live from a stream, below.

let category: Category | undefined;
let next: string | null = null;
const productList = byId<HTMLUListElement>("products");
const moreButton = byId<HTMLButtonElement>("more");

/** The units left of each product, as the stock stream last told. */
const unitsLeft = new Map<string, number>();

function productCard(p: Product): HTMLLIElement {
  const add = el("button", { type: "button" });
  add.setAttribute("aria-label", `Add ${p.name} to cart`);
  add.addEventListener("click", async () => {
    const cart = await busy([add], () => addToCart(cartID, p.id, 1));
    if (cart) showCart(cart);
  });
  const card = el(
    "li",
    { className: "card" },
    el("span", { className: "emoji", ariaHidden: "true", textContent: p.emoji }),
    el("h3", { textContent: p.name }),
    el("p", { className: "description", textContent: p.description }),
    el(
      "p",
      { className: "meta" },
      el("span", { className: "price", textContent: money(p.price) }),
      el("span", { className: "stock" }),
    ),
    add,
  );
  card.dataset["product"] = p.id;
  showStock(card, unitsLeft.get(p.id) ?? p.stock);
  return card;
}

/** Shows on a product's card how many units are left. */
function showStock(card: HTMLElement, units: number): void {
  const stock = card.querySelector<HTMLElement>(".stock")!;
  const add = card.querySelector<HTMLButtonElement>("button")!;
  stock.textContent = units === 0 ? "Sold out" : units <= 3 ? `Only ${units} left` : `${units} in stock`;
  stock.classList.toggle("low", units <= 3);
  // A button busy with its call is enabled again when the call ends.
  if (!add.hasAttribute("aria-busy")) add.disabled = units === 0;
  add.textContent = units === 0 ? "Sold out" : "Add to cart";
}

/** Loads the first page of products, or the next one when more is true. */
async function loadProducts(more = false): Promise<void> {
  const page = await busy([moreButton], () =>
    listProducts({ ...(category && { category }), ...(more && next && { cursor: next }), limit: pageSize }),
  );
  if (!page) return;
  const cards = (page.items ?? []).map(productCard);
  if (more) productList.append(...cards);
  else productList.replaceChildren(...cards);
  next = page.next;
  moreButton.hidden = next === null;
}

moreButton.addEventListener("click", () => loadProducts(true));

// The stock, live: WatchStock sends every product's level, then each change
// as others buy. The stream stops when the page goes away (pagehide
// aborts it, which cancels the Go iterator's context) and starts again
// when the page comes back from the browser's back-forward cache.

const live = byId("live");
let watching: AbortController | undefined;

async function watch(): Promise<void> {
  watching?.abort();
  const ctrl = new AbortController();
  watching = ctrl;
  try {
    for await (const level of watchStock({ signal: ctrl.signal })) {
      live.dataset["state"] = "live";
      live.textContent = "Live stock";
      const known = unitsLeft.get(level.productId);
      unitsLeft.set(level.productId, level.stock);
      const card = productList.querySelector<HTMLElement>(`[data-product="${CSS.escape(level.productId)}"]`);
      if (!card) continue;
      showStock(card, level.stock);
      if (known !== undefined && known !== level.stock) flash(card.querySelector(".stock")!);
    }
  } catch (err) {
    if (ctrl.signal.aborted) return; // the page went away: nothing to say
  }
  // The stream ended (the server restarted, or its time was up): try again
  // in a moment.
  live.dataset["state"] = "off";
  live.textContent = "Reconnecting…";
  setTimeout(() => { if (watching === ctrl) void watch(); }, 3000);
}

function flash(node: Element): void {
  node.classList.remove("changed");
  void (node as HTMLElement).offsetWidth; // restarts the animation
  node.classList.add("changed");
}

addEventListener("pagehide", () => {
  watching?.abort();
  live.dataset["state"] = "off";
  live.textContent = "Paused";
});
addEventListener("pageshow", (event) => {
  if (event.persisted) void watch();
});

function showCategories(): void {
  const names: [Category | undefined, string][] = [
    [undefined, "All"],
    ...Object.entries(Category).map(([name, value]): [Category, string] => [value, name]),
  ];
  const chips = names.map(([value, label]) => {
    const chip = el("button", { type: "button", className: "chip", textContent: label });
    chip.setAttribute("aria-pressed", String(value === category));
    chip.addEventListener("click", () => {
      category = value;
      for (const c of chips) c.setAttribute("aria-pressed", String(c === chip));
      void loadProducts();
    });
    return chip;
  });
  byId("categories").replaceChildren(...chips);
}

// The cart.

const clearButton = byId<HTMLButtonElement>("clear");

function showCart(cart: Cart): void {
  const lines = cart.lines ?? [];
  byId("cart-lines").replaceChildren(
    ...lines.map((line) => {
      const remove = el("button", { type: "button", className: "remove", textContent: "×" });
      remove.setAttribute("aria-label", `Remove ${line.name}`);
      remove.addEventListener("click", async () => {
        const c = await busy([remove], () => removeFromCart(cartID, line.productId));
        if (c) showCart(c);
      });
      return el(
        "li",
        {},
        el("span", { className: "what", textContent: `${line.emoji} ${line.name} × ${line.quantity}` }),
        el("span", { className: "amount", textContent: money(line.subtotal) }),
        remove,
      );
    }),
  );
  byId("cart-empty").hidden = lines.length > 0;
  byId("cart-total").textContent = money(cart.total);
  byId("cart-count").textContent = String(cart.count);
  clearButton.hidden = lines.length === 0;
}

clearButton.addEventListener("click", async () => {
  // ClearCart returns nothing (204): the cart is empty when it resolves.
  const done = await busy([clearButton], async () => {
    await clearCart(cartID);
    return true;
  });
  if (done) showCart(await getCart(cartID));
});

// Delivery options: a slow call that the customer may cancel. Choosing
// one fills in the checkout's postcode and delivery.

const deliveryForm = byId<HTMLFormElement>("delivery-check");
const checkButton = byId<HTMLButtonElement>("check-delivery");
const cancelButton = byId<HTMLButtonElement>("cancel-delivery");
const deliveryStatus = byId("delivery-status");
let checking: AbortController | undefined;
let checkedPostcode = "";

deliveryForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const postcode = String(new FormData(deliveryForm).get("postcode") ?? "");
  checking = new AbortController();
  const { signal } = checking;
  cancelButton.hidden = false;
  deliveryStatus.textContent = "Asking the couriers…";
  byId("delivery-options").replaceChildren();
  const options = await busy([checkButton], async () => {
    try {
      return await checkDelivery(postcode, { signal });
    } catch (err) {
      // A canceled call is what the customer asked for, not an error.
      if (signal.aborted) return undefined;
      throw err;
    }
  });
  cancelButton.hidden = true;
  if (signal.aborted) {
    deliveryStatus.textContent = "Delivery check cancelled.";
  } else if (options === undefined) {
    deliveryStatus.textContent = "";
  } else {
    checkedPostcode = postcode;
    showOptions(options ?? []);
  }
});

cancelButton.addEventListener("click", () => checking?.abort());

/**
 * An input of the checkout form, which React renders. Its inputs are
 * uncontrolled (React sets only their default values), so the page may
 * set what they hold.
 */
function checkoutInput(selector: string): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(`#checkout ${selector}`);
}

function showOptions(options: DeliveryOption[]): void {
  deliveryStatus.textContent = options.length === 0 ? "No courier delivers there." : "Choose one:";
  byId("delivery-options").replaceChildren(
    ...options.map((o) => {
      const choose = el("button", { type: "button", className: "option" },
        el("strong", { textContent: o.courier }),
        el("span", { textContent: ` ${o.delivery}, ${o.fee === 0 ? "free" : money(o.fee)}` }),
        el("span", { className: "hint", textContent: ` from ${when.format(new Date(o.arrives))}` }),
      );
      choose.dataset["delivery"] = o.delivery;
      choose.addEventListener("click", () => {
        const radio = checkoutInput(`input[name=delivery][value="${CSS.escape(o.delivery)}"]`);
        if (radio) radio.checked = true;
        const postcode = checkoutInput("input[name=postcode]");
        if (postcode) postcode.value = checkedPostcode;
        for (const b of byId("delivery-options").querySelectorAll("button")) {
          b.setAttribute("aria-pressed", String(b === choose));
        }
      });
      return el("li", {}, choose);
    }),
  );
}

// Checkout and orders. The checkout is the React component; when it has
// placed an order, the page shows the cart emptied and the new order.

mountCheckout(byId("checkout-root"), {
  cartID,
  onPlaced: () => {
    // The order took the products out of stock, which the stock stream
    // shows, and emptied the cart.
    byId("delivery-options").replaceChildren();
    deliveryStatus.textContent = "";
    void Promise.all([refreshCart(), loadOrders()]);
  },
});

/** Saves a file the page got (a Blob) as a download called name. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function orderItem(o: Order): HTMLLIElement {
  const count = (o.lines ?? []).reduce((n, l) => n + l.quantity, 0);
  // Receipt's result is an actions.File: the client resolves it to a Blob.
  const get = el("button", { type: "button", className: "secondary receipt", textContent: "Receipt" });
  get.setAttribute("aria-label", `Receipt of ${o.id}`);
  get.addEventListener("click", async () => {
    const blob = await busy([get], () => receipt(o.id));
    if (blob) save(blob, `receipt-${o.id}.txt`);
  });
  return el(
    "li",
    {},
    el("a", { className: "what", href: `/orders/${encodeURIComponent(o.id)}`, textContent: `${o.id}: ${count} item${count === 1 ? "" : "s"}, ${o.delivery}` }),
    el("span", { className: "amount", textContent: money(o.total) }),
    get,
  );
}

const ordersRefused = byId("orders-refused");

/**
 * Shows the customer's orders. The orders' actions run only for a
 * signed-in customer (the server's session interceptor): signed out, the
 * list shows the refusal.
 */
async function loadOrders(): Promise<void> {
  let orders: Order[] = [];
  try {
    orders = (await listOrders("")).items;
    ordersRefused.hidden = true;
  } catch (err) {
    if (!(err instanceof ActionError && err.code === "unauthenticated")) {
      showError(err);
      return;
    }
    ordersRefused.querySelector(".code")!.textContent = err.code;
    ordersRefused.querySelector(".message")!.textContent = err.message;
    ordersRefused.hidden = false;
  }
  byId("orders").replaceChildren(...orders.map(orderItem));
  byId("orders-empty").hidden = orders.length > 0 || !ordersRefused.hidden;
}

// Signing in and out. The session is a cookie the page never sees
// (HttpOnly): the server sets it in SignIn's response and clears it in
// SignOut's, and the browser sends it with every call.

const signInForm = byId<HTMLFormElement>("sign-in");
const signInButton = byId<HTMLButtonElement>("sign-in-button");
const signOutButton = byId<HTMLButtonElement>("sign-out");

function showUser(user: User | null): void {
  signInForm.hidden = user !== null;
  byId("signed-in").hidden = user === null;
  byId("user-email").textContent = user?.email ?? "";
  const email = checkoutInput("input[name=email]");
  if (user && email && !email.value) email.value = user.email;
}

signInForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(signInForm);
  const user = await busy([signInButton], () =>
    signIn({ email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") }),
  );
  if (!user) return;
  signInForm.reset();
  showUser(user);
  await loadOrders();
});

signOutButton.addEventListener("click", async () => {
  const done = await busy([signOutButton], async () => {
    await signOut();
    return true;
  });
  if (!done) return;
  showUser(null);
  await loadOrders();
});

async function refreshCart(): Promise<void> {
  const cart = await busy([], () => getCart(cartID));
  if (cart) showCart(cart);
}

showCategories();
void watch();
const user = await busy([], () => me());
showUser(user ?? null);
await Promise.all([loadProducts(), refreshCart(), loadOrders()]);
document.body.dataset["ready"] = "true";
