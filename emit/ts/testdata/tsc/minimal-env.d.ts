// The least a host must provide for runtime.ts: fetch with these options,
// a response with ok, status and text(), and AbortSignal. Compiling the
// runtime against only this and the ECMAScript library (minimal.json) shows
// that it needs nothing else from a browser or from Node.
declare global {
  interface AbortSignal {
    readonly aborted: boolean;
  }
  interface MinimalResponse {
    readonly ok: boolean;
    readonly status: number;
    text(): Promise<string>;
  }
  function fetch(
    input: string,
    init: {
      method: string;
      headers: Record<string, string>;
      body: string;
      credentials?: "omit" | "same-origin" | "include";
      signal?: AbortSignal;
    },
  ): Promise<MinimalResponse>;
}

export {};
