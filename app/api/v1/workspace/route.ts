// GET /api/v1/workspace — the workspace the API key belongs to.
import { v1Route } from "@/lib/api/v1-route";
import { jsonOf } from "@/lib/http/route";
import { workspaceViewSchema } from "@/lib/workspaces/schemas";

export const GET = v1Route({}, async ({ key }) =>
  jsonOf(workspaceViewSchema, { ...key.workspace, pausedReason: key.workspace.pausedReason || undefined }),
);
