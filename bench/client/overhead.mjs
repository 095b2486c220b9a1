// Measures, in Node, what one call through a generated stub costs over a
// bare fetch of the same action on the same local server. Usage:
//   node overhead.mjs BASE_URL STUBS_DIR
// STUBS_DIR holds the generated client of package app (runtime.ts, app.ts),
// bundled here to JavaScript for Node. Prints rounds of both, interleaved, in the format of
// go test -bench.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [baseURL, stubs] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "overhead-"));
const out = join(dir, "app.mjs");
await build({
  stdin: { contents: 'export * from "./app.ts";\nexport { configure } from "./runtime.ts";\n', resolveDir: resolve(stubs), loader: "ts" },
  bundle: true, format: "esm", platform: "node", outfile: out, logLevel: "error" });
const app = await import(pathToFileURL(out).href);
rmSync(dir, { recursive: true });
app.configure({ baseURL });

const item = {
  id: "item-000001", name: "Ceramic mug, model 1", price: 13.5, quantity: 1, active: false,
  tags: ["kitchen", "gift", "batch-1"], attrs: { color: "blue", size: "M", material: "stoneware" },
  createdAt: "2026-11-28T12:00:01Z", discount: 0.15, owner: "warehouse-3",
};

// Two transports: the real fetch to the server on loopback, and a fetch
// that answers at once with the bytes the server sends, which isolates what
// the stub itself costs from the network's noise.
const answers = {
  "app.Small": await (await bare(fetch, "app.Small", [])).text(),
  "app.Medium": await (await bare(fetch, "app.Medium", [item, 3, "gift wrap"])).text(),
};
async function instantFetch(url, init) {
  const text = answers[url.slice(url.lastIndexOf("/") + 1)];
  return new Response(text, { status: 200, headers: { "Content-Type": "application/json; charset=utf-8" } });
}

async function bare(f, id, args) {
  const res = await f(`${baseURL}/_actions/${id}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(args),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res;
}

function callsOver(transport, f) {
  return {
    [`transport=${transport}/payload=small/call=fetch`]: async () => (await bare(f, "app.Small", [])).json(),
    [`transport=${transport}/payload=small/call=stub`]: () => app.small(),
    [`transport=${transport}/payload=medium/call=fetch`]: async () => (await bare(f, "app.Medium", [item, 3, "gift wrap"])).json(),
    [`transport=${transport}/payload=medium/call=stub`]: () => app.medium(item, 3, "gift wrap"),
  };
}

// measure runs each call n times per round, the calls of a round
// interleaved so that a change in the machine's load hits them alike.
async function measure(calls, n, rounds) {
  for (const f of Object.values(calls)) for (let i = 0; i < Math.min(n, 300); i++) await f();
  for (let r = 0; r < rounds; r++) {
    for (const [name, f] of Object.entries(calls)) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await f();
      const ns = Number(process.hrtime.bigint() - start) / n;
      console.log(`BenchmarkNodeCall/${name} ${n} ${ns.toFixed(0)} ns/op`);
    }
  }
}

const rounds = Number(process.env.ROUNDS ?? 6);
app.configure({ baseURL, fetch: instantFetch });
await measure(callsOver("instant", instantFetch), Number(process.env.INSTANT_CALLS ?? 5000), rounds);
app.configure({ baseURL });
await measure(callsOver("loopback", fetch), Number(process.env.LOOPBACK_CALLS ?? 300), rounds);
