// Shops twice, step by step: through the generated client (web/src/gen)
// against one server, and through a client that openapi-fetch makes from
// the committed web/openapi.json (its types made by openapi-typescript, in
// api.ts) against another, each server with a database of its own. Both
// make the same calls with the same arguments in the same order, so both
// servers go through the same states and both clients should get the same
// outcomes. It prints, as JSON, each step's outcome through each client and
// the outcome the step expects ("ok" or an error code), and the requests
// ("METHOD path") each client made. openapi_test.go builds it in a
// temporary directory and runs it; config.ts names the two servers.
import createClient from "openapi-fetch";
import type { paths } from "./api.js";
import { ActionError, configure, toWire } from "./gen/runtime.js";
import * as account from "./gen/account.js";
import * as cart from "./gen/cart.js";
import * as catalog from "./gen/catalog.js";
import * as orders from "./gen/orders.js";
import { clientURL, openapiURL } from "./config.js";

/**
 * The cookies of one customer, which Node's fetch does not keep: sent with
 * each request, and updated from each response's Set-Cookie (SignIn sets
 * the session, SignOut clears it with Max-Age=0).
 */
class Jar {
  #cookies = new Map<string, string>();

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  update(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value == "" || attributes.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a))) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
}

/** What a client asked for, as "METHOD /_actions/<id>", in order. */
const requests = { client: [] as string[], openapi: [] as string[] };

// The generated client, through its configure: a fetch that carries the
// cookies, and keeps the last response for what a result does not show
// (its JSON as sent, a download's Content-Disposition).
const clientJar = new Jar();
let lastResponse: Response | undefined;
configure({
  baseURL: clientURL,
  fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const cookie = clientJar.header();
    if (cookie) req.headers.set("Cookie", cookie);
    requests.client.push(`${req.method} ${new URL(req.url).pathname}`);
    const res = await fetch(req);
    clientJar.update(res);
    lastResponse = res.clone();
    return res;
  },
});

// The OpenAPI client, through a middleware that does the same.
const openapiJar = new Jar();
const api = createClient<paths>({ baseUrl: openapiURL });
api.use({
  onRequest({ request }) {
    const cookie = openapiJar.header();
    if (cookie) request.headers.set("Cookie", cookie);
    requests.openapi.push(`${request.method} ${new URL(request.url).pathname}`);
    return request;
  },
  onResponse({ response }) {
    openapiJar.update(response);
    return response;
  },
});

/**
 * An outcome as the test compares it: the result, or the error's code,
 * status, message and details; "(none)" for an action that returns
 * nothing. Dates are written as the wire has them (toWire: RFC 3339 as Go
 * writes a UTC time), so that the generated client's Dates compare with
 * the OpenAPI client's strings.
 */
type Outcome =
  | { ok: unknown; wire?: unknown }
  | { error: { code: string; status: number; message: string; details?: unknown; hasID: boolean } };

/** A download, as both clients see it. */
interface Download {
  type: string;
  disposition: string | null;
  text: string;
}

async function download(blob: Blob, res: Response | undefined): Promise<Download> {
  return { type: blob.type, disposition: res?.headers.get("Content-Disposition") ?? null, text: await blob.text() };
}

async function viaClient(f: () => Promise<unknown>): Promise<Outcome> {
  lastResponse = undefined;
  try {
    const v = await f();
    // Read after the call, which set it (a narrowing of the variable would not know).
    const res = lastResponse as Response | undefined;
    if (v === undefined) return { ok: "(none)" };
    if (v instanceof Blob) return { ok: await download(v, res) };
    // wire: the JSON the client received, to check that its Dates, written
    // back, are the strings that came.
    const wire = res?.headers.get("Content-Type")?.startsWith("application/json") ? await res.json() : undefined;
    return { ok: JSON.parse(JSON.stringify(v, toWire)), wire };
  } catch (err) {
    if (err instanceof ActionError) {
      return { error: { code: err.code, status: err.status, message: err.message, details: err.details, hasID: err.id !== undefined } };
    }
    throw err;
  }
}

interface Answer {
  data?: unknown;
  error?: { code: string; message: string; details?: unknown; id?: string };
  response: Response;
}

async function viaOpenAPI(f: () => Promise<Answer>): Promise<Outcome> {
  const { data, error, response } = await f();
  if (error !== undefined) {
    return { error: { code: error.code, status: response.status, message: error.message, details: error.details, hasID: error.id !== undefined } };
  }
  if (data === undefined) return { ok: "(none)" };
  if (data instanceof Blob) return { ok: await download(data, response) };
  return { ok: data };
}

const steps: { name: string; want: string; client: Outcome; openapi: Outcome }[] = [];

/**
 * Runs one step through both clients, each against its own server, at the
 * same time, and returns both results (undefined for an error) for the
 * steps that follow (a page's cursor). want is the outcome the step is
 * for: "ok", or an error code.
 */
async function step<C, O>(name: string, want: string, viaGenerated: () => Promise<C>, viaDocument: () => Promise<Answer & { data?: O }>): Promise<[C | undefined, O | undefined]> {
  let c: C | undefined, o: O | undefined;
  const [client, openapi] = await Promise.all([
    viaClient(async () => (c = await viaGenerated())),
    viaOpenAPI(async () => {
      const a = await viaDocument();
      o = a.data;
      return a;
    }),
  ]);
  steps.push({ name, want, client, openapi });
  return [c, o];
}

/** The JSON of a get action's arguments, its args query parameter. */
const args = (...a: unknown[]) => ({ params: { query: { args: JSON.stringify(a) } } });

const cartID = "cart-1";
const email = "ada@example.com";
const password = "correct horse battery";

// Browsing, signed out.
await step("me, signed out", "ok", () => account.me(), () => api.GET("/_actions/account.Store.Me"));
await step("me by POST", "ok", () => account.me(), () => api.POST("/_actions/account.Store.Me", { body: [] }));
const [page1, openapiPage1] = await step("products, first page", "ok",
  () => catalog.listProducts({ limit: 3 }),
  () => api.GET("/_actions/catalog.Store.ListProducts", args({ limit: 3 })));
await step("products, next page", "ok",
  () => catalog.listProducts({ cursor: page1?.next ?? "", limit: 3 }),
  () => api.GET("/_actions/catalog.Store.ListProducts", args({ cursor: openapiPage1?.next ?? "", limit: 3 })));
await step("products by POST", "ok",
  () => catalog.listProducts({ limit: 3 }),
  () => api.POST("/_actions/catalog.Store.ListProducts", { body: [{ limit: 3 }] }));
await step("products, bakery", "ok",
  () => catalog.listProducts({ category: catalog.Category.Bakery, limit: 0 }),
  () => api.GET("/_actions/catalog.Store.ListProducts", args({ category: "bakery", limit: 0 })));
await step("products, bad cursor", "invalid_argument",
  () => catalog.listProducts({ cursor: "x", limit: 0 }),
  () => api.POST("/_actions/catalog.Store.ListProducts", { body: [{ cursor: "x", limit: 0 }] }));
await step("product", "ok", () => catalog.getProduct("pear"), () => api.GET("/_actions/catalog.Store.GetProduct", args("pear")));
await step("product by POST", "ok", () => catalog.getProduct("pear"), () => api.POST("/_actions/catalog.Store.GetProduct", { body: ["pear"] }));
await step("product, missing", "not_found", () => catalog.getProduct("truffle"), () => api.GET("/_actions/catalog.Store.GetProduct", args("truffle")));

// The cart.
await step("cart, never used", "ok", () => cart.getCart(cartID), () => api.POST("/_actions/cart.Store.GetCart", { body: [cartID] }));
await step("add to cart", "ok",
  () => cart.addToCart(cartID, "croissant", 1),
  () => api.POST("/_actions/cart.Store.AddToCart", { body: [cartID, "croissant", 1] }));
await step("add to cart, sold out", "failed_precondition",
  () => cart.addToCart(cartID, "honey", 1),
  () => api.POST("/_actions/cart.Store.AddToCart", { body: [cartID, "honey", 1] }));
await step("add to cart, no cart", "invalid_argument",
  () => cart.addToCart("", "apple", 1),
  () => api.POST("/_actions/cart.Store.AddToCart", { body: ["", "apple", 1] }));
await step("add, the form's action as JSON", "ok",
  () => cart.add({ cart: cartID, product: "apple" }),
  () => api.POST("/_actions/cart.Store.Add", { body: [{ cart: cartID, product: "apple" }] }));
await step("add, with a quantity", "ok",
  () => cart.add({ cart: cartID, product: "pear", quantity: 2 }),
  () => api.POST("/_actions/cart.Store.Add", { body: [{ cart: cartID, product: "pear", quantity: 2 }] }));
await step("remove from cart", "ok",
  () => cart.removeFromCart(cartID, "pear"),
  () => api.POST("/_actions/cart.Store.RemoveFromCart", { body: [cartID, "pear"] }));
await step("delivery", "ok", () => orders.checkDelivery("1012 AB"), () => api.POST("/_actions/orders.CheckDelivery", { body: ["1012 AB"] }));
await step("delivery, no postcode", "invalid_argument", () => orders.checkDelivery("nowhere"), () => api.POST("/_actions/orders.CheckDelivery", { body: ["nowhere"] }));

// Orders are for a signed-in customer only. The checkout has no photo:
// these are the JSON calls. A call with a file is a multipart one (the
// document's multipart/form-data, where the photo is the name of a part);
// the browser test (forms.mjs) places an order with a photo.
const checkout = {
  cart: cartID,
  name: "Ada Lovelace",
  email,
  address: "Keizersgracht 1",
  postcode: "1015 CJ",
  delivery: orders.Delivery.Express,
  note: "Ring twice",
};
await step("orders, signed out", "unauthenticated", () => orders.listOrders(""), () => api.POST("/_actions/orders.Store.ListOrders", { body: [""] }));
await step("place order, signed out", "unauthenticated", () => orders.placeOrder(checkout), () => api.POST("/_actions/orders.Store.PlaceOrder", { body: [checkout] }));
await step("receipt, signed out", "unauthenticated", () => orders.receipt("A-1001"), () => api.POST("/_actions/orders.Store.Receipt", { body: ["A-1001"], parseAs: "blob" }));
await step("sign in, fields at fault", "invalid_argument",
  () => account.signIn({ email: "ada", password: "" }),
  () => api.POST("/_actions/account.Store.SignIn", { body: [{ email: "ada", password: "" }] }));
await step("sign in, a new account", "ok",
  () => account.signIn({ email: " Ada@Example.com ", password }),
  () => api.POST("/_actions/account.Store.SignIn", { body: [{ email: " Ada@Example.com ", password }] }));
await step("me, signed in", "ok", () => account.me(), () => api.GET("/_actions/account.Store.Me"));
await step("sign in, wrong password", "unauthenticated",
  () => account.signIn({ email, password: "wrong" }),
  () => api.POST("/_actions/account.Store.SignIn", { body: [{ email, password: "wrong" }] }));
await step("orders, none yet", "ok", () => orders.listOrders(""), () => api.POST("/_actions/orders.Store.ListOrders", { body: [""] }));
const atFault = { ...checkout, name: " ", email: "ada", postcode: "10", delivery: orders.Delivery.Standard };
await step("place order, fields at fault", "invalid_argument",
  () => orders.placeOrder(atFault),
  () => api.POST("/_actions/orders.Store.PlaceOrder", { body: [atFault] }));
await step("place order", "ok", () => orders.placeOrder(checkout), () => api.POST("/_actions/orders.Store.PlaceOrder", { body: [checkout] }));
await step("place order, cart empty", "failed_precondition", () => orders.placeOrder(checkout), () => api.POST("/_actions/orders.Store.PlaceOrder", { body: [checkout] }));
await step("cart, after the order", "ok", () => cart.getCart(cartID), () => api.POST("/_actions/cart.Store.GetCart", { body: [cartID] }));
await step("product, after the order", "ok", () => catalog.getProduct("croissant"), () => api.GET("/_actions/catalog.Store.GetProduct", args("croissant")));
await step("orders", "ok", () => orders.listOrders(""), () => api.POST("/_actions/orders.Store.ListOrders", { body: [""] }));
await step("orders, bad cursor", "invalid_argument", () => orders.listOrders("x"), () => api.POST("/_actions/orders.Store.ListOrders", { body: ["x"] }));
await step("receipt", "ok", () => orders.receipt("A-1001"), () => api.POST("/_actions/orders.Store.Receipt", { body: ["A-1001"], parseAs: "blob" }));
await step("receipt, no such order", "not_found", () => orders.receipt("A-1002"), () => api.POST("/_actions/orders.Store.Receipt", { body: ["A-1002"], parseAs: "blob" }));

// Emptying a cart, and signing out.
await step("add to cart, again", "ok",
  () => cart.addToCart(cartID, "lemon", 2),
  () => api.POST("/_actions/cart.Store.AddToCart", { body: [cartID, "lemon", 2] }));
await step("clear cart", "ok", () => cart.clearCart(cartID), () => api.POST("/_actions/cart.Store.ClearCart", { body: [cartID] }));
await step("cart, cleared", "ok", () => cart.getCart(cartID), () => api.POST("/_actions/cart.Store.GetCart", { body: [cartID] }));
await step("sign out", "ok", () => account.signOut(), () => api.POST("/_actions/account.Store.SignOut", { body: [] }));
await step("orders, signed out again", "unauthenticated", () => orders.listOrders(""), () => api.POST("/_actions/orders.Store.ListOrders", { body: [""] }));
await step("me, signed out again", "ok", () => account.me(), () => api.GET("/_actions/account.Store.Me"));
await step("sign out, signed out", "ok", () => account.signOut(), () => api.POST("/_actions/account.Store.SignOut", { body: [] }));

console.log(JSON.stringify({ steps, requests }));
