// POST /api/v1/runs — start a run (202; the same idempotencyKey again: 200 with the same run).
// GET /api/v1/runs?status=&agent=&limit=&cursor= — runs newest first.
import { v1Route } from "@/lib/api/v1-route";
import { readQuery } from "@/lib/http/query";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { createRun } from "@/lib/runs/create-run";
import { listRuns } from "@/lib/runs/read-runs";
import { createRunSchema, listRunsQuerySchema } from "@/lib/runs/schemas";

export const POST = v1Route({ scope: "runs:write" }, async ({ request, key }) => {
  const input = await readJson(request, createRunSchema);
  const { run, created } = await createRun({ workspace: key.workspace, userId: key.createdById, apiKeyId: key.keyId }, input);
  const accepted = { id: run.id, status: run.status, agent: run.agent, ...(run.agentVersion !== undefined && { agentVersion: run.agentVersion }), createdAt: run.createdAt };
  return json(created ? accepted : run, created ? 202 : 200);
});

export const GET = v1Route({ scope: "runs:read" }, async ({ request, key }) =>
  json(await listRuns(key.workspace.id, readQuery(request, listRunsQuerySchema))),
);
