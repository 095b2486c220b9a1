// The round trip of -ts-dates: times are Dates in every place a type can
// hold one, both ways.
import { configure } from "./gen/runtime.js";
import * as wide from "./gen/wide.js";
import { baseURL } from "./config.js";
import { collect, show } from "./show.js";

configure({ baseURL });

const t1 = new Date("2024-02-29T22:59:58.123Z");
const t2 = new Date("1970-01-01T00:00:00.000Z");
const t3 = new Date("2001-02-03T04:05:06.700Z");
const stamp: wide.Stamp = { at: t1, maybe: t2, later: [t3], byName: { x: t1 }, label: "s" };

const moment: Date = await wide.moment();
const out: Record<string, unknown> = {
  echoStamp: show(await wide.echoStamp(stamp)),
  echoStampNulls: show(await wide.echoStamp({ at: t2, maybe: null, later: [], byName: {}, opt: t3, label: "" })),
  checkStamp: await wide.checkStamp(stamp),
  boxTime: show(await wide.echoBoxTime({ value: t1, items: [t2], byKey: { k: t3 }, ptr: t1 })),
  boxStamp: show(await wide.echoBoxStamp({ value: stamp, items: [null, stamp], byKey: { k: stamp }, ptr: null })),
  times: show(await wide.times(t1, null, [t2, t3])),
  moment: show(moment),
  momentMs: moment.getTime() === Date.UTC(2024, 1, 29, 22, 59, 58, 123),
  sum: show(await wide.sum([1, 2], t1)),
  ticks: await collect(wide.ticks(t1, 2)),
  // Numbers stay numbers in this mode.
  extremes: show(await wide.extremes()),
};
console.log(JSON.stringify(out));
