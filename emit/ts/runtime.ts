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
  | "failed_precondition"
  | "resource_exhausted"
  | "unimplemented"
  | "unavailable"
  | "deadline_exceeded"
  | "internal"
  | "unknown";
// codes:end

let config: Config = {};

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

  constructor(code: string, message: string, status: number, details?: unknown, id?: string) {
    super(message);
    this.name = "ActionError";
    this.code = code;
    this.status = status;
    if (details !== undefined) this.details = details;
    if (id !== undefined) this.id = id;
  }
}

/**
 * Calls the action id with the arguments args and resolves with its result:
 * the parsed JSON of a 200 response, or undefined for 204. Generated
 * functions call it; applications call those.
 *
 * @throws {ActionError} when the server answers with an error, or with a
 * response that is not JSON.
 * @throws fetch's own error (a TypeError, or an AbortError when
 * opts.signal aborts) when no answer arrives.
 */
export async function call<T>(id: string, args: unknown[], opts: CallOptions = {}): Promise<T> {
  return answer<T>(await send(id, "POST", JSON.stringify(args), opts));
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
export async function read<T>(id: string, args: unknown[], opts: CallOptions = {}): Promise<T> {
  const json = JSON.stringify(args);
  const size = new TextEncoder().encode(json).length;
  if (size > maxQueryBytes) {
    throw new ActionError("invalid_argument", `the arguments of ${id} are ${size} bytes of JSON, more than the ${maxQueryBytes} a get action's URL may carry`, 0);
  }
  return answer<T>(await send(id + "?args=" + encodeURIComponent(json), "GET", undefined, opts));
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
export async function* stream<T>(id: string, args: unknown[], opts: CallOptions = {}): AsyncGenerator<T, void, undefined> {
  const ctrl = new AbortController();
  const abort = () => ctrl.abort(opts.signal?.reason);
  opts.signal?.addEventListener("abort", abort);
  if (opts.signal?.aborted) abort();
  try {
    const res = await send(id, "POST", JSON.stringify(args), { ...opts, signal: ctrl.signal });
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
          if (event == "item") yield JSON.parse(data) as T;
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
function send(path: string, method: string, body: string | undefined, opts: CallOptions): Promise<Response> {
  const c = config;
  // Only set members go in: under exactOptionalPropertyTypes, fetch's
  // options do not take undefined.
  const init: Pick<Config, "credentials"> & Pick<CallOptions, "signal"> & { method: string; headers: Record<string, string>; body?: string } = {
    method,
    headers: { ...c.headers, ...opts.headers },
  };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = body;
  }
  if (opts.timeoutMs) init.headers["Actions-Timeout-Ms"] = "" + opts.timeoutMs;
  if (c.credentials) init.credentials = c.credentials;
  if (opts.signal) init.signal = opts.signal;
  return (c.fetch ?? fetch)((c.baseURL ?? "").replace(/\/$/, "") + (c.prefix ?? "/_actions/") + path, init);
}

/** Resolves with the result of a response, or throws its error. */
async function answer<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: handled below as a response of an unknown kind.
    if (res.ok) throw new ActionError("unknown", "the response is not JSON", res.status);
  }
  if (res.ok) return body as T;
  throw wireError(body, res.status);
}

/** The ActionError of an error body of the wire protocol, or "unknown". */
function wireError(body: any, status: number): ActionError {
  if (typeof body?.code == "string") {
    return new ActionError(body.code, String(body.message ?? ""), status, body.details, body.id);
  }
  return new ActionError("unknown", `HTTP ${status}`, status);
}
