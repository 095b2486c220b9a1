// The shop's page. Every call to the server goes through the generated
// client in ./gen: each function there is a Go function of the catalog,
// cart or orders package, typed as Go declares it.

import { type Cart, addToCart, clearCart, getCart, removeFromCart } from "./gen/cart.js";
import { type Cents, Category, type Product, listProducts } from "./gen/catalog.js";
import { type Delivery, type DeliveryOption, type Form, type Order, checkDelivery, listOrders, placeOrder } from "./gen/orders.js";
import { ActionError } from "./gen/runtime.js";

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
 * The cart's ID. The server keeps carts by an ID the client makes up; this
 * tab keeps its own, so that a reload finds the same cart.
 */
const cartID: string = sessionStorage.getItem("cartID") ?? crypto.randomUUID();
sessionStorage.setItem("cartID", cartID);

// The error bar: the code and message of the last failed call.

const errorBar = byId("error");

function showError(err: unknown): void {
  const [code, message] =
    err instanceof ActionError
      ? // An internal error's message says nothing; its ID finds it in the server's log.
        [err.code, err.id ? `${err.message} (error ID ${err.id})` : err.message]
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

// Products: a page at a time, of one category or all.

let category: Category | undefined;
let next: string | null = null;
const productList = byId<HTMLUListElement>("products");
const moreButton = byId<HTMLButtonElement>("more");

function productCard(p: Product): HTMLLIElement {
  const soldOut = p.stock === 0;
  const add = el("button", {
    type: "button",
    textContent: soldOut ? "Sold out" : "Add to cart",
    disabled: soldOut,
  });
  add.setAttribute("aria-label", `Add ${p.name} to cart`);
  add.addEventListener("click", async () => {
    const cart = await busy([add], () => addToCart(cartID, p.id, 1));
    if (cart) showCart(cart);
  });
  const stock = soldOut ? "Sold out" : p.stock <= 3 ? `Only ${p.stock} left` : `${p.stock} in stock`;
  return el(
    "li",
    { className: "card" },
    el("span", { className: "emoji", ariaHidden: "true", textContent: p.emoji }),
    el("h3", { textContent: p.name }),
    el("p", { className: "description", textContent: p.description }),
    el(
      "p",
      { className: "meta" },
      el("span", { className: "price", textContent: money(p.price) }),
      el("span", { className: p.stock <= 3 ? "stock low" : "stock", textContent: stock }),
    ),
    add,
  );
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

// Delivery options: a slow call that the customer may cancel.

const form = byId<HTMLFormElement>("checkout");
const checkButton = byId<HTMLButtonElement>("check-delivery");
const cancelButton = byId<HTMLButtonElement>("cancel-delivery");
const deliveryStatus = byId("delivery-status");
const deliverySelect = form.elements.namedItem("delivery") as HTMLSelectElement;
let checking: AbortController | undefined;

checkButton.addEventListener("click", async () => {
  const postcode = String(new FormData(form).get("postcode") ?? "");
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
    showOptions(options ?? []);
  }
});

cancelButton.addEventListener("click", () => checking?.abort());

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
        deliverySelect.value = o.delivery;
        markChosen();
      });
      return el("li", {}, choose);
    }),
  );
  markChosen();
}

/** Marks the delivery option that the form's delivery select has. */
function markChosen(): void {
  const chosen = deliverySelect.value;
  for (const b of byId("delivery-options").querySelectorAll("button")) {
    b.setAttribute("aria-pressed", String(b.dataset["delivery"] === chosen));
  }
}

deliverySelect.addEventListener("change", markChosen);

// Checkout and orders.

const placeButton = byId<HTMLButtonElement>("place-order");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const field = (name: string): string => String(data.get(name) ?? "").trim();
  const order: Form = {
    name: field("name"),
    email: field("email"),
    address: field("address"),
    postcode: field("postcode"),
    delivery: field("delivery") as Delivery,
    note: field("note") || null,
  };
  const placed = await busy([placeButton], () => placeOrder(cartID, order));
  if (!placed) return;
  // The order took the products out of stock and emptied the cart.
  byId("delivery-options").replaceChildren();
  deliveryStatus.textContent = `Thank you! Order ${placed.id} is on its way to you.`;
  await Promise.all([loadProducts(), refreshCart(), loadOrders()]);
});

function orderItem(o: Order): HTMLLIElement {
  const count = (o.lines ?? []).reduce((n, l) => n + l.quantity, 0);
  return el(
    "li",
    {},
    el("span", { className: "what", textContent: `${o.id}: ${count} item${count === 1 ? "" : "s"}, ${o.delivery}` }),
    el("span", { className: "amount", textContent: money(o.total) }),
  );
}

async function loadOrders(): Promise<void> {
  const page = await busy([], () => listOrders(cartID, ""));
  if (!page) return;
  const orders = page.items ?? [];
  byId("orders").replaceChildren(...orders.map(orderItem));
  byId("orders-empty").hidden = orders.length > 0;
}

async function refreshCart(): Promise<void> {
  const cart = await busy([], () => getCart(cartID));
  if (cart) showCart(cart);
}

showCategories();
await Promise.all([loadProducts(), refreshCart(), loadOrders()]);
document.body.dataset["ready"] = "true";
