// Type-level tests of types named like the globals the output uses.
import { Partial, get, type Promise as StorePromise, type Record as StoreRecord } from "../gen/globals/store.js";
import { load, type Profile } from "../gen/globals/user.js";

export const record: StoreRecord = { byPartial: { [Partial.Yes]: 1 }, tags: { a: "b" }, empty: {} };
// @ts-expect-error not a value of the Partial enum
export const badKey: StoreRecord = { byPartial: { maybe: 1 }, tags: {}, empty: {} };
// @ts-expect-error an empty struct has no members
export const notEmpty: StoreRecord = { byPartial: {}, tags: {}, empty: { a: 1 } };
// @ts-expect-error a map is never null: a nil Go map is {}
export const nullTags: StoreRecord = { byPartial: {}, tags: null, empty: {} };

export async function use(): Promise<Profile> {
  const r: StoreRecord = await get({ due: "soon" });
  const p: StorePromise = await load();
  return { record: r, promises: { p } };
}
