// POST /api/workspaces/:slug/runs/:id/cancel — cancel a run from the dashboard.
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { cancelRun } from "@/lib/runs/cancel-run";

export const POST = workspaceRoute<{ slug: string; id: string }>("runs:write", async ({ workspace, params }) => json(await cancelRun(workspace.id, params.id)));
