// GET /api/workspaces/:slug/usage — this period's usage against the tier's limits.
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { getUsage } from "@/lib/usage/get-usage";

export const GET = workspaceRoute<{ slug: string }>("usage:read", async ({ workspace }) => json(await getUsage(workspace)));
