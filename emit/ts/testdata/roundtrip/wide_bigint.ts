// The round trip of -ts-int64=bigint: 64-bit integers are bigints in every
// place a type can hold one, both ways, without loss at the ends of their
// ranges.
import { configure } from "./gen/runtime.js";
import * as wide from "./gen/wide.js";
import { baseURL } from "./config.js";
import { collect, show } from "./show.js";

configure({ baseURL });

const big: wide.Big = {
  i: -9223372036854775808n,
  u: 18446744073709551615n,
  n: 9223372036854775807n,
  un: 18446744073709551615n,
  p: -1n,
  s: [0n, 18446744073709551615n],
  m: { a: 9223372036854775807n },
  keys: { "-9223372036854775808": "min" },
  d: 9223372036854775807n,
  level: wide.Level.High,
  q: "9223372036854775807",
  small: 2147483647,
  f: 0.5,
};

const extremes = await wide.extremes();
const beyond: bigint = extremes.i + 1n; // exact: 2^63
const out: Record<string, unknown> = {
  echoBig: show(await wide.echoBig(big)),
  checkBig: await wide.checkBig(big),
  extremes: show(extremes),
  beyond: show(beyond),
  boxInt: show(await wide.echoBoxInt({ value: 9223372036854775807n, items: [-9223372036854775808n], byKey: { k: 1n }, ptr: null })),
  boxBig: show(await wide.echoBoxBig([{ value: big, items: [big], byKey: {}, ptr: big }])),
  ints: show(await wide.ints(9223372036854775807n, 18446744073709551615n, -9223372036854775808n, [1n, -1n])),
  sum: show(await wide.sum([9223372036854775806n, 1n], "2024-02-29T22:59:58.123Z")),
  count: await collect(wide.count(2n)),
  // Times stay strings in this mode.
  moment: show(await wide.moment()),
};
console.log(JSON.stringify(out));
