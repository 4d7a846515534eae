// GET /api/v1/openapi.json — the public API's OpenAPI 3.1 document, generated from its zod schemas; no key needed.
import { v1Document } from "@/lib/api/openapi/openapi-document";
import { route } from "@/lib/http/route";

// Per request, for its X-Request-Id; the document itself is built and serialised once per process.
export const dynamic = "force-dynamic";

let body: string | undefined;

export const GET = route(
  async () =>
    new Response((body ??= JSON.stringify(v1Document())), {
      headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
    }),
);
