// The least a host must provide for runtime.ts: fetch with these options,
// a response with ok, status, headers, body, text() and blob(),
// AbortController and AbortSignal, TextEncoder, TextDecoderStream for
// streams, and Blob, File and FormData for files and forms.
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
  class Blob {
    readonly size: number;
    readonly type: string;
  }
  class File extends Blob {
    readonly name: string;
  }
  type FormDataEntryValue = string | File;
  class FormData {
    append(name: string, value: string | Blob, fileName?: string): void;
    getAll(name: string): FormDataEntryValue[];
    forEach(f: (value: FormDataEntryValue, key: string) => void): void;
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
    blob(): Promise<Blob>;
  }
  function fetch(
    input: string,
    init: {
      method: string;
      headers: Record<string, string>;
      body?: string | FormData;
      credentials?: "omit" | "same-origin" | "include";
      signal?: AbortSignal;
    },
  ): Promise<Response>;
}

export {};
