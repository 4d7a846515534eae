// GET /api/workspaces/:slug/keys — API keys (members: their own); POST — create one, shown this once.
import { createApiKey, listApiKeys } from "@/lib/api-keys/manage-keys";
import { apiKeyListSchema, createdApiKeySchema, createKeySchema } from "@/lib/api-keys/schemas";
import { readJson } from "@/lib/http/read-json";
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";

type Params = { slug: string };

export const GET = workspaceRoute<Params>("keys:read", async ({ ctx }) => jsonOf(apiKeyListSchema, { data: await listApiKeys(ctx) }));

export const POST = workspaceRoute<Params>("keys:create", async ({ request, ctx }) => {
  const input = await readJson(request, createKeySchema);
  return jsonOf(createdApiKeySchema, await createApiKey(ctx, input), 201, { "cache-control": "no-store" });
});
