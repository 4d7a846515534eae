// DELETE /api/workspaces/:slug/secrets/:name — remove a secret (owners).
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { removeCustomSecret } from "@/lib/secrets/custom-secrets";

export const DELETE = workspaceRoute<{ slug: string; name: string }>("secrets:manage", async ({ ctx, params }) => {
  await removeCustomSecret(ctx, params.name);
  return json({ deleted: true });
});
