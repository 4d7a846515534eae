// GET /api/v1/runs/:id — one run.
import { v1Route } from "@/lib/api/v1-route";
import { jsonOf } from "@/lib/http/route";
import { getRunDetail } from "@/lib/runs/read-runs";
import { runDetailSchema } from "@/lib/runs/schemas";

export const GET = v1Route<{ id: string }>({ scope: "runs:read" }, async ({ ctx, params }) =>
  jsonOf(runDetailSchema, await getRunDetail(ctx, params.id)),
);
