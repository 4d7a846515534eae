// DELETE /api/workspaces/:slug/keys/:id — revoke an API key (members: their own).
import { revokeApiKey } from "@/lib/api-keys/manage-keys";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";

export const DELETE = workspaceRoute<{ slug: string; id: string }>("keys:create", async ({ ctx, params }) =>
  json(await revokeApiKey(ctx, params.id)),
);
