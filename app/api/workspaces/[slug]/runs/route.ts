// GET /api/workspaces/:slug/runs — runs newest first; POST — start a run from the dashboard.
import { readQuery } from "@/lib/http/query";
import { readJson } from "@/lib/http/read-json";
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { createRun } from "@/lib/runs/create-run";
import { listRuns } from "@/lib/runs/read-runs";
import { createRunSchema, listRunsQuerySchema, runsPageSchema, runViewSchema } from "@/lib/runs/schemas";

type Params = { slug: string };

export const GET = workspaceRoute<Params>("runs:read", async ({ request, ctx }) =>
  jsonOf(runsPageSchema, await listRuns(ctx, readQuery(request, listRunsQuerySchema))),
);

export const POST = workspaceRoute<Params>("runs:write", async ({ request, workspace, ctx }) => {
  const input = await readJson(request, createRunSchema);
  const { run, created } = await createRun(ctx, workspace, input);
  return jsonOf(runViewSchema, run, created ? 202 : 200);
});
