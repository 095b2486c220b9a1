// Calls every action of the shapes corpus twice: through the generated
// client, and through a client that openapi-fetch makes from the OpenAPI
// document (its types made by openapi-typescript, in api.ts), and prints
// both outcomes of each call as JSON.
import createClient from "openapi-fetch";
import type { paths } from "./api.js";
import { ActionError, configure } from "./gen/runtime.js";
import * as shapes from "./gen/shapes.js";
import { baseURL, oneParamFingerprint } from "./config.js";

configure({ baseURL });
const api = createClient<paths>({ baseUrl: baseURL });

async function viaClient(f: () => Promise<unknown>): Promise<unknown> {
  try {
    const v = await f();
    return v === undefined ? "(undefined)" : v;
  } catch (err) {
    if (err instanceof ActionError) return { code: err.code, status: err.status, message: err.message, hasID: err.id !== undefined };
    throw err;
  }
}

interface Answer {
  data?: unknown;
  error?: { code: string; message: string; id?: string };
  response: Response;
}

async function viaOpenAPI(f: () => Promise<Answer>): Promise<unknown> {
  const { data, error, response } = await f();
  if (error !== undefined) return { code: error.code, status: response.status, message: error.message, hasID: error.id !== undefined };
  return data === undefined ? "(undefined)" : data;
}

// Each pair is the same call, with the same arguments.
const calls: Record<string, [() => Promise<unknown>, () => Promise<Answer>]> = {
  nothing: [() => shapes.nothing(), () => api.POST("/_actions/shapes.Nothing", { body: [] })],
  contextOnly: [() => shapes.contextOnly(), () => api.POST("/_actions/shapes.ContextOnly", { body: [] })],
  errorOnly: [() => shapes.errorOnly(), () => api.POST("/_actions/shapes.ErrorOnly", { body: [] })],
  fails: [() => shapes.fails(), () => api.POST("/_actions/shapes.Fails", { body: [] })],
  result: [() => shapes.result(), () => api.POST("/_actions/shapes.Result", { body: [] })],
  resultError: [() => shapes.resultError(), () => api.POST("/_actions/shapes.ResultError", { body: [] })],
  oneParam: [() => shapes.oneParam("world"), () => api.POST("/_actions/shapes.OneParam", { body: ["world"] })],
  severalParams: [() => shapes.severalParams(2, "ab", ["x", "y"]), () => api.POST("/_actions/shapes.SeveralParams", { body: [2, "ab", ["x", "y"]] })],
  severalParamsEmpty: [() => shapes.severalParams(1, "b", []), () => api.POST("/_actions/shapes.SeveralParams", { body: [1, "b", []] })],
  unnamed: [() => shapes.unnamed(1, "s"), () => api.POST("/_actions/shapes.Unnamed", { body: [1, "s"] })],
  blank: [() => shapes.blank(0, true, ""), () => api.POST("/_actions/shapes.Blank", { body: [0, true, ""] })],
  grouped: [() => shapes.grouped(1, 2, "label"), () => api.POST("/_actions/shapes.Grouped", { body: [1, 2, "label"] })],
  reserved: [() => shapes.reserved("class", 1, true, "function"), () => api.POST("/_actions/shapes.Reserved", { body: ["class", 1, true, "function"] })],
  search: [() => shapes.search("query", { limit: 3 }), () => api.POST("/_actions/shapes.Search", { body: ["query", { limit: 3 }] })],
  delete: [() => shapes.delete_("id"), () => api.POST("/_actions/shapes.Delete", { body: ["id"] })],
  new: [() => shapes.new_(), () => api.POST("/_actions/shapes.New", { body: [] })],
  getURL: [() => shapes.getURL(), () => api.POST("/_actions/shapes.GetURL", { body: [] })],
  id: [() => shapes.id(), () => api.POST("/_actions/shapes.ID", { body: [] })],
  ping: [() => shapes.ping(), () => api.POST("/_actions/shapes.ping", { body: [] })],
  fileLevelA: [() => shapes.fileLevelA(41), () => api.POST("/_actions/shapes.FileLevelA", { body: [41] })],
  fileLevelB: [() => shapes.fileLevelB(), () => api.POST("/_actions/shapes.FileLevelB", { body: [] })],
  // With the fingerprint the document names, as the generated client sends it.
  oneParamChecked: [() => shapes.oneParam("again"), () => api.POST("/_actions/shapes.OneParam", { body: ["again"], params: { header: { "Actions-Fingerprint": oneParamFingerprint } } })],
};

const out: Record<string, { client: unknown; openapi: unknown }> = {};
for (const [name, [client, openapi]] of Object.entries(calls)) {
  out[name] = { client: await viaClient(client), openapi: await viaOpenAPI(openapi) };
}
console.log(JSON.stringify(out));
