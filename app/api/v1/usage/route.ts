// GET /api/v1/usage — this period's API calls, agent-minutes and concurrent runs against the tier's limits.
import { v1Route } from "@/lib/api/v1-route";
import { jsonOf } from "@/lib/http/route";
import { getUsage } from "@/lib/usage/get-usage";
import { usageSummarySchema } from "@/lib/usage/usage-schema";

export const GET = v1Route({ scope: "usage:read" }, async ({ ctx }) => jsonOf(usageSummarySchema, await getUsage(ctx)));
