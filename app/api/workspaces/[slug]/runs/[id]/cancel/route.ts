// POST /api/workspaces/:slug/runs/:id/cancel — cancel a run from the dashboard.
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { cancelRun } from "@/lib/runs/cancel-run";
import { runViewSchema } from "@/lib/runs/schemas";

export const POST = workspaceRoute<{ slug: string; id: string }>("runs:write", async ({ ctx, params }) =>
  jsonOf(runViewSchema, await cancelRun(ctx, params.id)),
);
