// The smallest useful openapi-fetch client; paths are types only.
import createClient from "openapi-fetch";

interface paths {
  "/small": {
    post: {
      responses: { 200: { content: { "application/json": string } } };
    };
  };
}

export const client = createClient<paths>({ baseUrl: "/api" });
