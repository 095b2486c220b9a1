// Values written in TypeScript against the generated types, the way an
// application would write them: the Go test expects each to decode to the
// value of builtWant with the same name.
import {
  Priority,
  Status,
  echoAnonymous,
  echoBytes,
  echoContainers,
  echoDuration,
  echoEmbedding,
  echoGenerics,
  echoIntMap,
  echoItem,
  echoMoney,
  echoPointer,
  echoScalars,
  echoSlice,
  echoSpecial,
  echoStatus,
  echoTime,
  echoVersion,
  type Containers,
  type Embedding,
  type Generics,
  type Item,
  type Money,
  type Special,
  type Version,
} from "./gen/types.js";

const item: Item = { sku: "built", quantity: 2, price: 0.5 };
const leap = new Date(Date.UTC(2024, 1, 29, 22, 59, 58, 123)).toISOString();

const containers: Containers = {
  pointer: item,
  pointerPtr: null,
  slice: [],
  array: [1, 2, 3],
  matrix: [[0.25], []],
  strings: { a: 1 },
  ints: { "-3": item },
  uints: { "255": true },
  enums: { [Status.Paid]: 1 },
  intEnums: { [Priority.High]: "high" },
  textKeys: { "#0000ff": "blue" },
  floatKeys: { "1.5": "one and a half" },
  nestedMaps: {},
};

const special: Special = {
  bytes: btoa("hi\u00ff"),
  fixed: btoa("\u0001\u0002\u0003\u0004"),
  blob: "",
  time: leap,
  duration: 1500 * 1e6,
  raw: { any: ["json", 1] },
  any: null,
  interface: [true],
  addr: "192.0.2.1",
  big: 42,
  month: 12,
  point: { lat: 1.5, lng: -2.5 },
};

// Members promoted through nil-able embedded pointers are left out.
const embedding: Embedding = {
  id: "e",
  created: leap,
  Code: "code",
  once: "o",
  extra: { info: "i" },
  label: "label",
  width: 2,
  // Promoted from an unexported embedded struct, which the Go test cannot set.
  hidden: "",
  name: "n",
};

const generics: Generics = {
  items: { items: [item], next: null },
  pairs: [{ key: "k", value: 1 }],
  nested: { items: [{ key: Status.Pending, value: null }], next: "n" },
  tree: { value: "root", children: [{ value: "leaf" }] },
  lookup: { p: { items: [], next: null } },
  alias: { items: [], next: null },
  list: ["#010203"],
};

// Types that marshal themselves, written as the directives on their Go
// declarations say their methods write them.
const money: Money = "12.34";
const version: Version = [1, 26];

export const built: Record<string, () => Promise<unknown>> = {
  EchoMoney: () => echoMoney(money),
  EchoVersion: () => echoVersion(version),
  EchoItem: () => echoItem(item),
  EchoStatus: () => echoStatus(Status.Shipped),
  EchoTime: () => echoTime(leap),
  EchoDuration: () => echoDuration(2 * 60 * 1e9),
  EchoBytes: () => echoBytes(btoa("\u0000\u0001\u00fe")),
  EchoPointer: () => echoPointer(null),
  EchoSlice: () => echoSlice([]),
  EchoIntMap: () => echoIntMap({ "-1": "minus one", "7": "seven" }),
  EchoScalars: () =>
    echoScalars({
      bool: true, int: -1, int8: 127, int16: 1, int32: 2, int64: Number.MAX_SAFE_INTEGER,
      uint: 3, uint8: 4, uint16: 5, uint32: 6, uint64: 7, uintptr: 8,
      float32: 0.5, float64: 0.1, string: "s", byte: 9, rune: 10,
    }),
  EchoContainers: () => echoContainers(containers),
  EchoSpecial: () => echoSpecial(special),
  EchoEmbedding: () => echoEmbedding(embedding),
  EchoGenerics: () => echoGenerics(generics),
  EchoAnonymous: () => echoAnonymous({ dimensions: { width: 1, height: 2 }, tags: [{ key: "k" }] }),
};
