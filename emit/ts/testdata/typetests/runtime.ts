// Type-level tests of the runtime's public API.
import { ActionError, configure, type CallOptions, type Config, type ErrorCode } from "../gen/shop/runtime.js";

configure({ baseURL: "https://api.example.com", credentials: "include", headers: { Authorization: "Bearer x" } });
configure({ fetch: (input, init) => fetch(input, init) });
configure({});
// @ts-expect-error not a credentials mode
configure({ credentials: "always" });
// @ts-expect-error headers are a record of strings
configure({ headers: { "X-Count": 1 } });

export const opts: CallOptions = { signal: new AbortController().signal, headers: { "X-Trace": "1" } };
export const config: Config = { baseURL: "" };

export function describe(err: unknown): string {
  if (err instanceof ActionError) {
    const code: ErrorCode | string = err.code;
    const status: number = err.status;
    const id: string | undefined = err.id;
    const details: unknown = err.details;
    void details;
    return `${code} ${status} ${id ?? ""}: ${err.message}`;
  }
  return String(err);
}

export const known: ErrorCode = "not_found";
// @ts-expect-error not an error code
export const unknownCode: ErrorCode = "nope";
