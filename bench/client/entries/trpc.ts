// The smallest useful tRPC client: one HTTP link to the server.
import { createTRPCClient, httpLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";

export const client = createTRPCClient<AnyRouter>({
  links: [httpLink({ url: "/trpc" })],
});
