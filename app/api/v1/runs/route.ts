// POST /api/v1/runs — start a run (202; the same idempotencyKey again: 200 with the same run).
// GET /api/v1/runs?status=&agent=&limit=&cursor= — runs newest first.
import { v1Route } from "@/lib/api/v1-route";
import { readQuery } from "@/lib/http/query";
import { readJson } from "@/lib/http/read-json";
import { jsonOf } from "@/lib/http/route";
import { createRun } from "@/lib/runs/create-run";
import { listRuns } from "@/lib/runs/read-runs";
import { createRunSchema, listRunsQuerySchema, runAcceptedSchema, runsPageSchema, runViewSchema } from "@/lib/runs/schemas";

export const POST = v1Route({ scope: "runs:write" }, async ({ request, key, ctx }) => {
  const input = await readJson(request, createRunSchema);
  const { run, created } = await createRun(ctx, key.workspace, input, { apiKeyId: key.keyId });
  // A run made just now is queued until a worker takes it.
  return created ? jsonOf(runAcceptedSchema, { ...run, status: "queued" }, 202) : jsonOf(runViewSchema, run);
});

export const GET = v1Route({ scope: "runs:read" }, async ({ request, ctx }) =>
  jsonOf(runsPageSchema, await listRuns(ctx, readQuery(request, listRunsQuerySchema))),
);
