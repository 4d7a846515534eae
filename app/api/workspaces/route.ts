// GET /api/workspaces — the caller's workspaces with their role; POST — create one (caller is owner).
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { sessionRoute } from "@/lib/http/session-route";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createWorkspaceSchema } from "@/lib/workspaces/schemas";
import { listWorkspaces } from "@/lib/workspaces/workspace-context";

export const GET = sessionRoute(async ({ user }) => json({ data: await listWorkspaces(user.id) }));

export const POST = sessionRoute(async ({ request, user }) => {
  const input = await readJson(request, createWorkspaceSchema);
  return json(await createWorkspace(user.id, input), 201);
});
