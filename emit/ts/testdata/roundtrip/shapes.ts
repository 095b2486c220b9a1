// Calls every action of the shapes corpus through its generated function
// and prints what each returned, or how it failed, as JSON.
import { ActionError, configure } from "./gen/runtime.js";
import * as shapes from "./gen/shapes.js";
import { baseURL } from "./config.js";

configure({ baseURL });

async function outcome(f: () => Promise<unknown>): Promise<unknown> {
  try {
    const v = await f();
    return v === undefined ? "(undefined)" : v;
  } catch (err) {
    if (err instanceof ActionError) return { code: err.code, status: err.status, message: err.message, hasID: err.id !== undefined };
    throw err;
  }
}

const controller = new AbortController();
const calls: Record<string, () => Promise<unknown>> = {
  nothing: () => shapes.nothing(),
  contextOnly: () => shapes.contextOnly(),
  errorOnly: () => shapes.errorOnly(),
  fails: () => shapes.fails(),
  result: () => shapes.result(),
  resultError: () => shapes.resultError(),
  oneParam: () => shapes.oneParam("world"),
  severalParams: () => shapes.severalParams(2, "ab", ["x", "y"]),
  severalParamsEmpty: () => shapes.severalParams(1, "b", []),
  unnamed: () => shapes.unnamed(1, "s"),
  blank: () => shapes.blank(0, true, ""),
  grouped: () => shapes.grouped(1, 2, "label"),
  reserved: () => shapes.reserved("class", 1, true, "function"),
  search: () => shapes.search("query", { limit: 3 }, { signal: controller.signal }),
  delete: () => shapes.delete_("id"),
  new: () => shapes.new_(),
  getURL: () => shapes.getURL(),
  id: () => shapes.id(),
  ping: () => shapes.ping(),
  fileLevelA: () => shapes.fileLevelA(41),
  fileLevelB: () => shapes.fileLevelB(),
};

const results: Record<string, unknown> = {};
for (const [name, call] of Object.entries(calls)) results[name] = await outcome(call);
console.log(JSON.stringify(results));
