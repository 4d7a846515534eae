// DELETE /api/workspaces/:slug/keys/:id — revoke an API key (members: their own).
import { revokeApiKey } from "@/lib/api-keys/manage-keys";
import { apiKeyViewSchema } from "@/lib/api-keys/schemas";
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";

export const DELETE = workspaceRoute<{ slug: string; id: string }>("keys:create", async ({ ctx, params }) =>
  jsonOf(apiKeyViewSchema, await revokeApiKey(ctx, params.id)),
);
