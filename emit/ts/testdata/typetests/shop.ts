// Type-level tests of the shop case: what must compile, and what must not
// (the lines after an expect-error directive). A type too loose to reject a marked line
// makes tsc report the unused directive.
import { Level, Status, add, clear, list, type Cart } from "../gen/shop/cart.js";
import { call, edit, type Item as AdminItem } from "../gen/shop/admin.js";
import type { Item } from "../gen/shop/catalog.js";

export const item: Item = { sku: "a1", photo: "" };
export const withPhoto: Item = { sku: "a1", photo: "aGk=" };
// @ts-expect-error a nil []byte is "", never null
export const nullPhoto: Item = { sku: "a1", photo: null };

// @ts-expect-error a required field is missing
export const missing: Item = { sku: "a1" };

// @ts-expect-error an extra field in an object literal
export const extra: Item = { sku: "a1", photo: "", color: "red" };

// @ts-expect-error a field of the wrong type
export const wrong: Item = { sku: 1, photo: "" };

export const open: Status = Status.Open;
export const closed: Status = "closed";
// @ts-expect-error not a value of the enum
export const opened: Status = "opened";

export const high: Level = Level.Max;
// @ts-expect-error not a value of the enum
export const three: Level = 3;

export const admin: AdminItem = { listed: item, note: "" };

export async function use(): Promise<void> {
  const cart: Cart = await add("c1", item);
  // A nil Go slice is [], so items is always an array.
  cart.items.push(item);
  // @ts-expect-error a slice is never null
  cart.items = null;
  // @ts-expect-error a ",string" number travels as a string
  cart.total.toFixed();
  // @ts-expect-error a coupon is optional and may be null
  cart.coupon.length;
  const counts: Record<string, number> = cart.counts;
  void counts;
  // @ts-expect-error a map is never null: a nil Go map is {}
  cart.counts = null;
  cart.byStatus = { open: 1 };
  // @ts-expect-error not a status
  cart.byStatus = { opened: 1 };
  cart.byLevel = { "0": "low" };
  // @ts-expect-error not a level
  cart.byLevel = { "7": "seven" };

  const nothing: void = await clear({ signal: AbortSignal.timeout(1000) });
  void nothing;
  const page = await list();
  page.items[0]?.note;
  // @ts-expect-error an element of the page may be null
  const first: AdminItem | undefined = page.items[0];
  void first;

  // @ts-expect-error a parameter of the wrong type
  await add(1, item);
  // @ts-expect-error a missing parameter
  await add("c1");
  // @ts-expect-error the result of an edit is a catalog item, not an admin item
  const edited: AdminItem = await edit(admin);
  void edited;
  await call("x", { headers: { "X-Trace": "1" } });
}
