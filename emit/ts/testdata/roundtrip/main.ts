// The round-trip driver: it sends every fixture back through its stub, then
// the values of built.ts, and prints what the client received as JSON.
import { ActionError, configure } from "./gen/runtime.js";
import * as types from "./gen/types.js";
import { built } from "./built.js";
import { baseURL } from "./config.js";
import { fixtures } from "./fixtures.js";

configure({ baseURL });

// The stubs, looked up by name: each takes one argument.
const stubs = types as unknown as Record<string, (v: unknown) => Promise<unknown>>;

interface Outcome {
  kind: string;
  name: string;
  index: number;
  result?: string;
  error?: string;
}

async function attempt(kind: string, name: string, index: number, f: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { kind, name, index, result: JSON.stringify(await f()) };
  } catch (err) {
    const detail = err instanceof ActionError ? `${err.code}: ${err.message}` : String(err);
    return { kind, name, index, error: detail };
  }
}

const outcomes: Outcome[] = [];
for (const f of fixtures) {
  const stub = stubs[f.tsName];
  if (stub === undefined) {
    outcomes.push({ kind: f.kind, name: f.name, index: f.index, error: `no function ${f.tsName}` });
    continue;
  }
  outcomes.push(await attempt(f.kind, f.name, f.index, () => stub(JSON.parse(f.json))));
}
for (const [name, call] of Object.entries(built)) {
  outcomes.push(await attempt("built", name, 0, call));
}
console.log(JSON.stringify(outcomes));
