// GET /api/workspaces/:slug/usage — this period's usage against the tier's limits.
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { getUsage } from "@/lib/usage/get-usage";
import { usageSummarySchema } from "@/lib/usage/usage-schema";

export const GET = workspaceRoute<{ slug: string }>("usage:read", async ({ ctx }) => jsonOf(usageSummarySchema, await getUsage(ctx)));
