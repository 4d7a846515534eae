// GET /api/workspaces/:slug/keys — API keys (members: their own); POST — create one, shown this once.
import { createApiKey, listApiKeys } from "@/lib/api-keys/manage-keys";
import { createKeySchema } from "@/lib/api-keys/schemas";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";

type Params = { slug: string };

export const GET = workspaceRoute<Params>("keys:read", async ({ ctx }) => json({ data: await listApiKeys(ctx) }));

export const POST = workspaceRoute<Params>("keys:create", async ({ request, ctx }) => {
  const input = await readJson(request, createKeySchema);
  return json(await createApiKey(ctx, input), 201, { "cache-control": "no-store" });
});
