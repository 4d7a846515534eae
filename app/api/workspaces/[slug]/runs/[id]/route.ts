// GET /api/workspaces/:slug/runs/:id — one run.
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { getRunDetail } from "@/lib/runs/read-runs";
import { runDetailSchema } from "@/lib/runs/schemas";

export const GET = workspaceRoute<{ slug: string; id: string }>("runs:read", async ({ ctx, params }) =>
  jsonOf(runDetailSchema, await getRunDetail(ctx, params.id)),
);
