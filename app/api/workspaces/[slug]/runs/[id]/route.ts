// GET /api/workspaces/:slug/runs/:id — one run.
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { getRunDetail } from "@/lib/runs/read-runs";

export const GET = workspaceRoute<{ slug: string; id: string }>("runs:read", async ({ workspace, params }) => json(await getRunDetail(workspace.id, params.id)));
