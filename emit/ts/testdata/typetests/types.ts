// Type-level tests of the corpus types: values that encoding/json writes
// must be accepted, and (after each expect-error directive) values it never
// writes must be rejected.
import {
  Priority,
  Status,
  echoItem,
  echoPointer,
  echoSlice,
  type Anonymous,
  type Containers,
  type Embedding,
  type Generics,
  type Item,
  type Page,
  type Special,
  type Tagged,
  type Tree,
} from "../gen/types/types.js";
import type { Point } from "../gen/types/geo.js";

export const item: Item = { sku: "a", quantity: 1, price: 2.5 };

// @ts-expect-error a required field is missing
export const noPrice: Item = { sku: "a", quantity: 1 };
// @ts-expect-error an extra field in an object literal
export const extraField: Item = { sku: "a", quantity: 1, price: 2.5, color: "red" };
// @ts-expect-error a field of the wrong type
export const wrongType: Item = { sku: "a", quantity: "1", price: 2.5 };
// @ts-expect-error Go names are not JSON names
export const goName: Item = { SKU: "a", quantity: 1, price: 2.5 };

export const status: Status = Status.Paid;
// @ts-expect-error not a value of the enum
export const lost: Status = "lost";
export const priority: Priority = Priority.High;
// @ts-expect-error not a value of the enum
export const urgent: Priority = 3;

const tagged: Tagged = {
  name: "n",
  Untagged: "u",
  "-": "dash",
  Invalid: "i",
  omitStruct: item,
  omitTime: "2024-01-02T03:04:05Z",
  omitArray: [1, 2],
  quotedInt: "12",
  quotedBool: "true",
  quotedFloat: "1.5",
  quotedString: '"s"',
  quotedPointer: null,
  quotedEnum: "2",
  notQuoted: [1],
  override: new Date(),
  override2: 1n,
};
export { tagged };

export const withSkipped: Tagged = {
  ...tagged,
  // @ts-expect-error a json:"-" field never travels
  Skipped: "s",
};
export const withSecret: Tagged = {
  ...tagged,
  // @ts-expect-error an unexported field never travels, even tagged
  secret: "s",
};
// @ts-expect-error omitStruct is never omitted: omitempty does not apply to structs
export const noOmitStruct: Tagged = { ...tagged, omitStruct: undefined };
// @ts-expect-error a ",string" int travels as a string
export const quotedNumber: Tagged = { ...tagged, quotedInt: 12 };

export function promoted(e: Embedding): string {
  // @ts-expect-error region is promoted through a nil-able pointer: it may be missing
  const region: string = e.region;
  // @ts-expect-error Note conflicts at the same depth: both are dropped
  e.Note;
  // @ts-expect-error both is tagged on both sides: dropped
  e.both;
  // @ts-expect-error a tagged embedded struct is a field, its fields are not promoted
  e.info;
  return region + e.Code + e.extra.info + e.hidden + e.name + e.id + (e.level ?? "");
}

export function containers(c: Containers): number {
  // @ts-expect-error a nil slice is null
  c.slice.length;
  // @ts-expect-error a nil map is null
  c.strings["a"];
  c.enums = { pending: 1 };
  // @ts-expect-error not a status
  c.enums = { lost: 1 };
  c.intEnums = { "0": "low", "2": "high" };
  // @ts-expect-error not a priority
  c.intEnums = { "3": "urgent" };
  c.array = [1, 2, 3];
  return c.pointer?.quantity ?? c.pointerPtr ?? 0;
}

export function special(s: Special): string {
  const p: Point = s.point;
  // @ts-expect-error a base64 string, or null
  const bytes: string = s.bytes;
  // @ts-expect-error a [4]byte is an array of numbers, not base64
  const fixed: string = s.fixed;
  // @ts-expect-error time.Time travels as a string
  const t: Date = s.time;
  return `${p.lat} ${bytes} ${fixed} ${t} ${s.duration.toFixed()} ${s.addr}`;
}

export function generics(g: Generics): Page<Item> {
  const t: Tree<string> = g.tree;
  // @ts-expect-error a Tree<string> holds strings
  const n: number = t.value;
  void n;
  // @ts-expect-error the second element of a pair is a number
  const s: string | undefined = g.pairs?.[0]?.value;
  void s;
  return g.alias;
}

export const anon: Anonymous = { dimensions: { width: 1, height: 2 }, tags: [{ key: "k" }] };
// @ts-expect-error value is optional, key is not
export const anonBad: Anonymous = { dimensions: { width: 1, height: 2 }, tags: [{ value: "v" }] };

export async function calls(): Promise<void> {
  const got: Item = await echoItem(item);
  // @ts-expect-error a pointer result may be null
  const ptr: Item = await echoPointer(item);
  // @ts-expect-error a slice result may be null
  (await echoSlice([item])).length;
  // @ts-expect-error a wrong parameter type
  await echoItem({ sku: 1 });
  void got;
  void ptr;
}
