// POST /api/v1/runs/:id/cancel — cancel a queued or running run; a finished run is returned unchanged.
import { v1Route } from "@/lib/api/v1-route";
import { json } from "@/lib/http/route";
import { cancelRun } from "@/lib/runs/cancel-run";

export const POST = v1Route<{ id: string }>({ scope: "runs:write" }, async ({ key, params }) => json(await cancelRun(key.workspace.id, params.id)));
