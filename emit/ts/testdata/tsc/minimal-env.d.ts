// The least a host must provide for runtime.ts: fetch with these options,
// a response with ok, status, headers, body and text(), AbortController
// and AbortSignal, TextEncoder, and TextDecoderStream for streams.
// Compiling the runtime against only this and the ECMAScript library
// (minimal.json) shows that it needs nothing else from a browser or from
// Node: Deno and Bun have all of it.
declare global {
  interface AbortSignal {
    readonly aborted: boolean;
    readonly reason: unknown;
    addEventListener(type: "abort", listener: () => void): void;
    removeEventListener(type: "abort", listener: () => void): void;
  }
  class AbortController {
    readonly signal: AbortSignal;
    abort(reason?: unknown): void;
  }
  class TextEncoder {
    encode(s: string): Uint8Array;
  }
  interface MinimalReader<T> {
    read(): Promise<{ done: true; value?: undefined } | { done: false; value: T }>;
  }
  interface MinimalStream<T> {
    pipeThrough<U>(t: { readable: MinimalStream<U>; writable: unknown }): MinimalStream<U>;
    getReader(): MinimalReader<T>;
  }
  class TextDecoderStream {
    readonly readable: MinimalStream<string>;
    readonly writable: unknown;
  }
  interface Response {
    readonly ok: boolean;
    readonly status: number;
    readonly headers: { get(name: string): string | null };
    readonly body: MinimalStream<Uint8Array> | null;
    text(): Promise<string>;
  }
  function fetch(
    input: string,
    init: {
      method: string;
      headers: Record<string, string>;
      body?: string;
      credentials?: "omit" | "same-origin" | "include";
      signal?: AbortSignal;
    },
  ): Promise<Response>;
}

export {};
