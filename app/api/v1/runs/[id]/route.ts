// GET /api/v1/runs/:id — one run.
import { v1Route } from "@/lib/api/v1-route";
import { json } from "@/lib/http/route";
import { getRun } from "@/lib/runs/read-runs";

export const GET = v1Route<{ id: string }>({ scope: "runs:read" }, async ({ key, params }) => json(await getRun(key.workspace.id, params.id)));
