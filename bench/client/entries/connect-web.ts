// A Connect client for the benchmark's service: the transport and the
// client, with the generated service description (../connect/bench_pb.ts).
import { createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-web";
import { BenchService } from "../connect/bench_pb.js";

const transport = createConnectTransport({ baseUrl: "/api" });

export const client = createClient(BenchService, transport);
