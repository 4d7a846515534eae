// GET /api/workspaces/:slug — the workspace; PATCH — rename; DELETE — delete with its data (owners).
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { deleteWorkspaceSchema, renameWorkspaceSchema } from "@/lib/workspaces/schemas";
import { deleteWorkspace, renameWorkspace } from "@/lib/workspaces/update-workspace";

type Params = { slug: string };

export const GET = workspaceRoute<Params>("workspace:read", async ({ workspace }) => json(workspace));

export const PATCH = workspaceRoute<Params>("workspace:update", async ({ request, ctx, workspace }) => {
  const { name } = await readJson(request, renameWorkspaceSchema);
  return json({ ...workspace, ...(await renameWorkspace(ctx, name)) });
});

export const DELETE = workspaceRoute<Params>("workspace:delete", async ({ request, ctx }) => {
  const { confirm } = await readJson(request, deleteWorkspaceSchema);
  await deleteWorkspace(ctx, confirm);
  return new Response(null, { status: 204 });
});
