// POST /api/v1/runs/:id/cancel — cancel a queued or running run; a finished run is returned unchanged.
import { v1Route } from "@/lib/api/v1-route";
import { jsonOf } from "@/lib/http/route";
import { cancelRun } from "@/lib/runs/cancel-run";
import { runViewSchema } from "@/lib/runs/schemas";

export const POST = v1Route<{ id: string }>({ scope: "runs:write" }, async ({ ctx, params }) =>
  jsonOf(runViewSchema, await cancelRun(ctx, params.id)),
);
