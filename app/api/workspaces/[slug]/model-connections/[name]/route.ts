// DELETE /api/workspaces/:slug/model-connections/:name — remove a connection and its key (owners).
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { deleteConnection } from "@/lib/models/model-connections";

export const DELETE = workspaceRoute<{ slug: string; name: string }>("secrets:manage", async ({ ctx, params }) => {
  await deleteConnection(ctx, params.name);
  return json({ deleted: true });
});
