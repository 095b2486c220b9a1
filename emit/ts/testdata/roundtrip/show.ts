// show writes a value so that the Go test can tell what the client holds:
// a Date as "date:" and its ISO string, a bigint as "n:" and its digits.
export function show(v: unknown): unknown {
  if (v instanceof Date) return "date:" + v.toISOString();
  if (typeof v === "bigint") return "n:" + v;
  if (Array.isArray(v)) return v.map(show);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, show(x)]));
  return v;
}

export async function collect<T>(items: AsyncIterable<T>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const v of items) out.push(show(v));
  return out;
}
