// Type-level tests of the corpus types: values that encoding/json/v2 writes
// must be accepted, and (after each expect-error directive) values it never
// writes must be rejected.
import {
  Priority,
  Status,
  echoItem,
  echoStamped,
  echoStatus,
  echoMyBytes,
  echoPointer,
  echoSlice,
  type Anonymous,
  type Containers,
  type Embedding,
  type Generics,
  type Item,
  type Marshalers,
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
// Go may return the zero value, which is no constant; a parameter takes
// the constants, which the server checks for.
export const unset: Awaited<ReturnType<typeof echoStatus>> = "";
// @ts-expect-error the server takes "", but nothing makes the client send it
export const unsetParam: Parameters<typeof echoStatus>[0] = "";
export const emptyKey: Containers["enums"] = { "": 1, paid: 2 };
export const priority: Priority = Priority.High;
// @ts-expect-error not a value of the enum
export const urgent: Priority = 3;

const tagged: Tagged = {
  name: "n",
  Untagged: "u",
  "-": "dash",
  "a b": "spaced",
  "x=☃": "symbol",
  omitInt: 0,
  omitBool: false,
  omitStruct: item,
  omitTime: "2024-01-02T03:04:05Z",
  omitDuration: 0,
  omitArray: [1, 2],
  omitFixed: "AAA=",
  quotedInt: "12",
  quotedUint: "1",
  quotedFloat: "1.5",
  quotedPointer: null,
  quotedDeep: "-8",
  quotedEnum: "2",
  quotedOmitted: "0",
  user_name: "u",
  strict: "s",
  override: new Date(),
  override2: 1n,
  open: { id: "o", color: "red" },
  opener: { id: "o", note: "n" },
  loose: { kind: "k", extra: [1, { any: null }] },
};
export { tagged };

export const withSkipped: Tagged = {
  ...tagged,
  // @ts-expect-error a json:"-" field never travels
  Skipped: "s",
};
// @ts-expect-error omitStruct is never omitted: an Item never encodes as {}
export const noOmitStruct: Tagged = { ...tagged, omitStruct: undefined };
const { omitInt: _omitInt, ...withoutOmitInt } = tagged;
// @ts-expect-error omitempty never leaves out a number: 0 is not an empty JSON value
export const noOmitInt: Tagged = withoutOmitInt;
const { omitBool: _omitBool, ...withoutOmitBool } = tagged;
// @ts-expect-error omitempty never leaves out a bool
export const noOmitBool: Tagged = withoutOmitBool;
const { omitFixed: _omitFixed, ...withoutOmitFixed } = tagged;
// @ts-expect-error a [2]byte is a base64 string of 2 bytes, never empty
export const noOmitFixed: Tagged = withoutOmitFixed;
const { omitTime: _omitTime, ...withoutOmitTime } = tagged;
// @ts-expect-error a time.Time is never an empty string
export const noOmitTime: Tagged = withoutOmitTime;
const { zeroInt: _zeroInt, omitSparse: _omitSparse, omitSlice: _omitSlice, ...lean } = {
  ...tagged,
  zeroInt: 0,
  omitSparse: {},
  omitSlice: [],
};
// omitzero may leave out any value, and omitempty a struct whose members
// may all be left out, or a slice.
export const leanTagged: Tagged = lean;
// @ts-expect-error a ",string" int travels as a string
export const quotedNumber: Tagged = { ...tagged, quotedInt: 12 };
// @ts-expect-error an omitempty slice may be left out, but is never null
export const nullSlice: Tagged = { ...tagged, omitSlice: null };
// @ts-expect-error the other members of an Open are the strings of its map
export const wrongExtra: Tagged = { ...tagged, open: { id: "o", color: true } };
// @ts-expect-error a named member keeps its own type
export const wrongCount: Tagged = { ...tagged, open: { id: "o", count: "1" } };

export function promoted(e: Embedding): string {
  // @ts-expect-error region is promoted through a nil-able pointer: it may be missing
  const region: string = e.region;
  // @ts-expect-error Note conflicts at the same depth: both are dropped
  e.Note;
  // @ts-expect-error both is tagged on both sides: dropped
  e.both;
  // @ts-expect-error Shared is embedded by both Left and Right: twice is dropped
  e.twice;
  // @ts-expect-error a tagged embedded struct is a field, its fields are not promoted
  e.info;
  // @ts-expect-error an embedded non-struct type with a JSON name is a member of that name
  e.Label;
  return region + e.Code + e.extra.info + e.hidden + e.name + e.id + e.once + e.label + e.width + (e.level ?? "");
}

export function containers(c: Containers): number {
  // A nil slice is [], a nil map {}: neither is ever null.
  c.slice.length;
  c.strings["a"];
  c.matrix[0]?.length;
  // @ts-expect-error a slice is never null
  c.slice = null;
  // @ts-expect-error a map is never null
  c.strings = null;
  c.enums = { pending: 1 };
  // @ts-expect-error not a status
  c.enums = { lost: 1 };
  c.intEnums = { "0": "low", "2": "high" };
  // @ts-expect-error not a priority
  c.intEnums = { "3": "urgent" };
  c.floatKeys = { "1.5": "one and a half" };
  c.array = [1, 2, 3];
  return c.pointer?.quantity ?? c.pointerPtr ?? 0;
}

export function special(s: Special): string {
  const p: Point = s.point;
  const bytes: string = s.bytes;
  const fixed: string = s.fixed;
  // @ts-expect-error a nil []byte is "", never null
  s.bytes = null;
  // @ts-expect-error a [4]byte is a base64 string, not an array of numbers
  s.fixed = [1, 2, 3, 4];
  // @ts-expect-error time.Time travels as a string
  const t: Date = s.time;
  return `${p.lat} ${bytes} ${fixed} ${t} ${s.duration.toFixed()} ${s.addr}`;
}

export function marshalers(m: Marshalers): string {
  // A type with AppendText is a string; a []MyByte an array of numbers.
  const slug: string = m.slug;
  const codes: Record<string, string> = m.codeByName;
  // Tally's MarshalJSONTo writes a number, as its directive says; a type
  // that marshals itself without one is any JSON.
  const tally: number = m.tally;
  const money: `${number}.${number}` = m.money;
  // @ts-expect-error Money's directive makes it a string of units and cents
  m.money = "twelve";
  const version: [number, number] = m.version;
  // @ts-expect-error Version's is a pair of numbers
  m.version = [1];
  return slug + String(codes) + String(tally) + money + String(version);
}

export function stamped(s: Awaited<ReturnType<typeof echoStamped>>): void {
  // @ts-expect-error Stamped has no directive: any JSON
  const str: string = s;
  void str;
}

export function myBytes(b: Awaited<ReturnType<typeof echoMyBytes>>): number {
  // @ts-expect-error a slice of a defined byte type is not base64
  const s: string = b;
  void s;
  return b[0] ?? 0;
}

export function generics(g: Generics): Page<Item> {
  const t: Tree<string> = g.tree;
  // @ts-expect-error a Tree<string> holds strings
  const n: number = t.value;
  void n;
  // @ts-expect-error the second element of a pair is a number
  const s: string | undefined = g.pairs[0]?.value;
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
  // A slice result is never null.
  (await echoSlice([item])).length;
  // @ts-expect-error a slice parameter is never null
  await echoSlice(null);
  // @ts-expect-error a wrong parameter type
  await echoItem({ sku: 1 });
  void got;
  void ptr;
}
