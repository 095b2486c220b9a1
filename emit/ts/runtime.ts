// The runtime of the generated TypeScript client: every generated stub calls
// call() below. It needs nothing but fetch, AbortSignal and JSON, so it runs
// in browsers, Node 18+, Deno and Bun without dependencies.

/** Settings for every call, set once with {@link configure}. */
export interface Config {
  /**
   * The origin the actions are served from: "" (the default) for the page's
   * own origin, or an origin like "https://api.example.com".
   */
  baseURL?: string;
  /**
   * The path the server mounts the actions at, the same as the Go side's
   * actions.Options.Prefix: "/_actions/" by default. A call goes to
   * baseURL + prefix + the action's ID.
   */
  prefix?: string;
  /** The fetch function to use; the global fetch by default. */
  fetch?: typeof fetch;
  /** Headers sent with every call, such as an authorization header. */
  headers?: Record<string, string>;
  /** Whether cookies are sent: fetch's credentials mode. */
  credentials?: "omit" | "same-origin" | "include";
  /**
   * Called once, on the first call that the server refuses with code
   * "stale_client": this client was made for another version of the
   * server (a deploy happened since the page loaded), so calls to the
   * actions that changed or are gone will keep failing until the page gets
   * the new client, usually by reloading. The call itself still rejects
   * with that ActionError.
   */
  onStaleClient?: (err: ActionError) => void;
}

/** Options of one call, the last argument of every generated function. */
export interface CallOptions {
  /** Aborts the call; the server sees its context canceled. */
  signal?: AbortSignal;
  /** Headers for this call, added to (and overriding) the configured ones. */
  headers?: Record<string, string>;
  /**
   * Gives the action this many milliseconds (a positive whole number),
   * sent as the Actions-Timeout-Ms header: the server sets that deadline
   * on the action's context, capped by its own maximum, and when it passes
   * the call rejects with an ActionError of code "deadline_exceeded" (if
   * the action heeds its context). The client does not stop waiting by
   * itself; add a signal such as AbortSignal.timeout() for that.
   */
  timeoutMs?: number;
}

/** The error codes of the wire protocol, and "unknown" (see ActionError). */
// The codes between these lines are written by the generator from the Go
// runtime's actions.Codes(), so the two never disagree.
// codes:begin
export type ErrorCode =
  | "invalid_argument"
  | "unauthenticated"
  | "permission_denied"
  | "not_found"
  | "already_exists"
  | "aborted"
  | "stale_client"
  | "failed_precondition"
  | "resource_exhausted"
  | "unimplemented"
  | "unavailable"
  | "deadline_exceeded"
  | "internal"
  | "unknown";
// codes:end

let config: Config = {};

// How this client was made: the generator writes the lines between these
// markers for -ts-dates and -ts-int64=bigint. wireHeaders go with every
// call (Actions-Int64: string asks the server for 64-bit integers as
// strings); replacer is JSON.stringify's for the arguments.
// mode:begin
const wireHeaders: Record<string, string> = {};
const replacer: typeof toWire | undefined = undefined;
// mode:end
/** Whether onStaleClient was called. */
let staleSeen = false;

/**
 * Sets the settings of every later call, replacing the ones set before.
 */
export function configure(c: Config): void {
  config = c;
}

/**
 * The error a failed call rejects with: the server answered, but not with
 * success. A call that never got an answer (network failure, abort) rejects
 * with fetch's own error instead.
 */
export class ActionError extends Error {
  /**
   * The error code the server sent, or "unknown" when the response was not
   * an error of the wire protocol (for instance an HTML page from a proxy).
   */
  readonly code: ErrorCode | (string & {});
  /** The HTTP status of the response. */
  readonly status: number;
  // details and id are declared, not defined, so that an error without
  // them has no such property at all.

  /** Structured details the server attached, if any. */
  declare readonly details?: unknown;
  /**
   * The error ID of an internal error, also written to the server's log, so
   * a report can be matched to the log line.
   */
  declare readonly id?: string;
  /**
   * The fields at fault, by JSON name, with a message each, when the
   * server refused fields of a form or struct (actions.FieldErrors).
   */
  declare readonly fieldErrors?: Record<string, string>;

  constructor(code: string, message: string, status: number, details?: any, id?: string) {
    super(message);
    this.name = "ActionError";
    this.code = code;
    this.status = status;
    if (details !== undefined) this.details = details;
    if (id !== undefined) this.id = id;
    if (details?.fields) this.fieldErrors = details.fields;
  }
}

/**
 * Calls the action id with the arguments args and resolves with its result:
 * the parsed JSON of a 200 response, or undefined for 204. Generated
 * functions call it; applications call those. fingerprint is the action's
 * wire shape as the client was made for it, sent in the
 * Actions-Fingerprint header: a server whose action has another shape, or
 * no such action, refuses the call with code "stale_client". revive, when
 * given, turns the parsed JSON of the result into its value (its times into
 * Dates, its 64-bit integers into bigints).
 *
 * @throws {ActionError} when the server answers with an error, or with a
 * response that is not JSON.
 * @throws fetch's own error (a TypeError, or an AbortError when
 * opts.signal aborts) when no answer arrives.
 */
export async function call<T>(id: string, args: unknown[], opts: CallOptions = {}, fingerprint?: string, revive?: (v: any) => T): Promise<T> {
  return answer<T>(await send(id, "POST", JSON.stringify(args, replacer), opts, fingerprint), revive);
}

/**
 * Calls the action id, whose arguments hold files (Blobs), as call() does:
 * in a multipart body when there are files to send.
 */
export async function upload<T>(id: string, args: unknown[], opts: CallOptions = {}, fingerprint?: string, revive?: (v: any) => T): Promise<T> {
  return answer<T>(await send(id, "POST", body(args), opts, fingerprint), revive);
}

/**
 * The body of a call: the JSON array of the arguments, or, when they hold
 * Blobs (files), a multipart form whose "args" part is that array with
 * each Blob replaced by the name of the part that holds it.
 */
function body(args: unknown[]): string | FormData {
  const files: Blob[] = [];
  const json = JSON.stringify(args, function (this: any, k, v) {
    if (typeof Blob != "undefined" && v instanceof Blob) return "file" + (files.push(v) - 1);
    return replacer ? replacer.call(this, k, v) : v;
  });
  if (!files.length) return json;
  const form = new FormData();
  form.append("args", json);
  files.forEach((f, i) => form.append("file" + i, f, (f as { name?: string }).name || "blob"));
  return form;
}

/**
 * Calls the action id, whose result is a file, and resolves with its
 * bytes as a Blob (its type the file's content type).
 */
export async function download(id: string, args: unknown[], opts: CallOptions = {}, fingerprint?: string): Promise<Blob> {
  const res = await send(id, "POST", body(args), opts, fingerprint);
  if (!res.ok) return answer(res);
  return res.blob();
}

/** What a form action resolves to: its result or its error, and the form's values. */
export interface FormState<R> {
  /** Whether the action succeeded. */
  ok: boolean;
  /** The action's result, when it succeeded. */
  result?: R;
  /** The error, when it failed. */
  error?: ActionError;
  /** The fields at fault, by name, when the server refused some. */
  fieldErrors?: Record<string, string>;
  /** The text values submitted, by name, to fill the form again. */
  values: Record<string, string | string[]>;
  /** Where the action's Redirect sends the page, if it did. */
  redirect?: string;
}

/**
 * Calls the form action id with the fields of formData, converted by
 * fields (name → "string", "bool", "int", "uint", "float", "time" or
 * "file", with "[]" for several values and "?" when the field may be
 * absent), and resolves to the state a form shows. Generated <name>Form
 * functions call it.
 */
export async function submit<R>(id: string, fields: Record<string, string>, formData: FormData, opts: CallOptions = {}, fingerprint?: string, revive?: (v: any) => R): Promise<FormState<R>> {
  const values: Record<string, string | string[]> = {};
  formData.forEach((v, k) => {
    if (typeof v == "string") values[k] = k in values ? ([] as string[]).concat(values[k]!, v) : v;
  });
  const arg: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const kind = spec.replace(/[\[\]?]/g, "");
    const all = formData.getAll(name).filter((v) => typeof v == "string" || v.size > 0 || v.name != "");
    const conv = (v: FormDataEntryValue) => formValue(kind, v);
    if (spec.includes("[]")) arg[name] = all.map(conv);
    else if (kind == "bool") arg[name] = all.length > 0 && conv(all[0]!) === true;
    else if (all.length && !(spec.endsWith("?") && all[0] === "" && kind != "string")) arg[name] = conv(all[0]!);
  }
  try {
    const res = await send(id, "POST", body([arg]), opts, fingerprint);
    const state: FormState<R> = { ok: true, result: await answer<R>(res, revive), values };
    const redirect = res.headers.get("Actions-Redirect");
    if (redirect) state.redirect = redirect;
    return state;
  } catch (err) {
    if (!(err instanceof ActionError)) throw err;
    const state: FormState<R> = { ok: false, error: err, values };
    if (err.fieldErrors) state.fieldErrors = err.fieldErrors;
    return state;
  }
}

/**
 * The value of one form entry as its field's kind takes it: a checkbox's
 * text as a boolean, a number's as a number (text that is none stays text,
 * for the server to refuse by name), a date or datetime-local input's as
 * an RFC 3339 time in UTC; files and strings as they are.
 */
function formValue(kind: string, v: FormDataEntryValue): unknown {
  if (typeof v != "string") return v;
  switch (kind) {
    case "bool":
      return ["on", "true", "1"].includes(v);
    case "int":
    case "uint":
    case "float":
      return v.trim() && !isNaN(+v) ? +v : v;
    case "time":
      if (!v) return v;
      // "2026-12-01" and "2026-12-01T10:30" have no zone: UTC, as the server takes them.
      return new Date(v.length == 10 ? v + "T00:00Z" : v.length <= 19 ? v + "Z" : v).toISOString();
  }
  return v;
}

/**
 * The longest JSON of the arguments a get action's URL carries, in bytes:
 * the server refuses longer ones, so read() refuses to send them.
 */
export const maxQueryBytes = 8192;

/**
 * Calls the get action id with GET, its arguments in the URL, so that the
 * browser's cache and the server's ETag apply, and resolves as call() does.
 *
 * @throws {ActionError} of code "invalid_argument", before sending, when
 * the arguments are longer than maxQueryBytes.
 */
export async function read<T>(id: string, args: unknown[], opts: CallOptions = {}, fingerprint?: string, revive?: (v: any) => T): Promise<T> {
  const json = JSON.stringify(args, replacer);
  const size = new TextEncoder().encode(json).length;
  if (size > maxQueryBytes) {
    throw new ActionError("invalid_argument", `the arguments of ${id} are ${size} bytes of JSON, more than the ${maxQueryBytes} a get action's URL may carry`, 0);
  }
  return answer<T>(await send(id + "?args=" + encodeURIComponent(json), "GET", undefined, opts, fingerprint), revive);
}

/**
 * Calls the stream action id and yields its items as the server sends
 * them. Leaving the loop early (break, return, a throw) aborts the call,
 * which cancels the action's context on the server.
 *
 * @throws {ActionError} when the server answers with an error, ends the
 * stream with one, or the stream is cut short before its end (code
 * "unavailable"): the body ends without the end event, or the connection
 * breaks.
 * @throws fetch's own error when no answer arrives, and the signal's
 * reason (an AbortError) at the next item once opts.signal aborts, even if
 * items are still buffered.
 */
export async function* stream<T>(id: string, args: unknown[], opts: CallOptions = {}, fingerprint?: string, revive?: (v: any) => T): AsyncGenerator<T, void, undefined> {
  const ctrl = new AbortController();
  const abort = () => ctrl.abort(opts.signal?.reason);
  opts.signal?.addEventListener("abort", abort);
  if (opts.signal?.aborted) abort();
  try {
    const res = await send(id, "POST", JSON.stringify(args, replacer), { ...opts, signal: ctrl.signal }, fingerprint);
    if (!res.ok || !res.body || !res.headers.get("Content-Type")?.startsWith("text/event-stream")) {
      await answer(res);
      throw new ActionError("unknown", "the response is not a stream", res.status);
    }
    // Server-Sent Events: "event: <name>" and "data: <JSON>" lines, a blank
    // line after each event, ": " comments to keep the stream open.
    const lines = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let rest = "", event = "", data = "";
    for (;;) {
      let chunk;
      try {
        chunk = await lines.read();
      } catch (err) {
        // The caller's abort, as fetch reports it; else the connection
        // broke mid-stream.
        if (ctrl.signal.aborted) throw err;
        break;
      }
      const { value, done } = chunk;
      if (done) break;
      rest += value;
      let nl;
      while ((nl = rest.indexOf("\n")) >= 0) {
        const line = rest.slice(0, nl);
        rest = rest.slice(nl + 1);
        if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) data = line.slice(6);
        else if (line == "") {
          // An abort stops the loop at once, whatever is buffered.
          if (ctrl.signal.aborted) throw ctrl.signal.reason;
          if (event == "item") yield (revive ? revive(JSON.parse(data)) : JSON.parse(data)) as T;
          else if (event == "end") return;
          else if (event == "error") throw wireError(JSON.parse(data), res.status);
          event = data = "";
        }
      }
    }
    throw new ActionError("unavailable", "the stream was cut short before its end", res.status);
  } finally {
    opts.signal?.removeEventListener("abort", abort);
    ctrl.abort();
  }
}

/** Sends one request of the wire protocol to the action at path. */
function send(path: string, method: string, body: string | FormData | undefined, opts: CallOptions, fingerprint: string | undefined): Promise<Response> {
  const c = config;
  // Only set members go in: under exactOptionalPropertyTypes, fetch's
  // options do not take undefined. Actions-Client tells the server that
  // this is the generated client, not a form posted without JavaScript.
  const init: Pick<Config, "credentials"> & Pick<CallOptions, "signal"> & { method: string; headers: Record<string, string>; body?: string | FormData } = {
    method,
    headers: { ...wireHeaders, ...c.headers, ...opts.headers, "Actions-Client": "ts" },
  };
  if (typeof body == "string") init.headers["Content-Type"] = "application/json";
  if (body !== undefined) init.body = body;
  if (opts.timeoutMs) init.headers["Actions-Timeout-Ms"] = "" + opts.timeoutMs;
  if (fingerprint) init.headers["Actions-Fingerprint"] = fingerprint;
  if (c.credentials) init.credentials = c.credentials;
  if (opts.signal) init.signal = opts.signal;
  return (c.fetch ?? fetch)((c.baseURL ?? "").replace(/\/$/, "") + (c.prefix ?? "/_actions/") + path, init);
}

/** Resolves with the result of a response, or throws its error. */
async function answer<T>(res: Response, revive?: (v: any) => T): Promise<T> {
  const text = await res.text();
  let body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: handled below as a response of an unknown kind.
    if (res.ok) throw new ActionError("unknown", "the response is not JSON", res.status);
  }
  if (res.ok) return (revive && body !== undefined ? revive(body) : body) as T;
  throw wireError(body, res.status);
}

/** The ActionError of an error body of the wire protocol, or "unknown". */
function wireError(body: any, status: number): ActionError {
  if (typeof body?.code == "string") {
    const err = new ActionError(body.code, String(body.message ?? ""), status, body.details, body.id);
    if (err.code == "stale_client" && !staleSeen) {
      staleSeen = true;
      config.onStaleClient?.(err);
    }
    return err;
  }
  return new ActionError("unknown", `HTTP ${status}`, status);
}

/**
 * JSON.stringify's replacer for the arguments of a client made with
 * -ts-dates or -ts-int64=bigint: a Date is written as Go's time.Time writes
 * a time in UTC (RFC 3339, no trailing zeros in the fraction), a bigint as
 * the string of its digits, which the server reads into a 64-bit integer
 * when the call asks for them so (Actions-Int64: string).
 */
export function toWire(this: any, key: string, value: unknown): unknown {
  const v = this[key];
  if (v instanceof Date) return v.toISOString().replace(/\.?0+Z$/, "Z");
  if (typeof v == "bigint") return "" + v;
  return value;
}

/**
 * A time as Go writes it (RFC 3339, any number of digits in its fraction),
 * as a Date: the fraction is cut to the milliseconds a Date holds, as
 * ECMAScript's date format has them.
 */
export function date(s: string): Date {
  return new Date(s.replace(/\.(\d*)/, (_, f: string) => "." + (f + "00").slice(0, 3)));
}

/** Converts every value of an object with f, in place. */
export function record<T>(v: any, f: (x: any) => T): Record<string, T> {
  for (const k in v) v[k] = f(v[k]);
  return v;
}
