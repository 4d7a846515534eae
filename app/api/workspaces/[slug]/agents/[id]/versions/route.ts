// GET /api/workspaces/:slug/agents/:id/versions — an agent's versions, newest first.
import { agentVersionListSchema } from "@/lib/agents/agent-schemas";
import { listAgentVersions } from "@/lib/agents/workspace-agents";
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";

export const GET = workspaceRoute<{ slug: string; id: string }>("workspace:read", async ({ ctx, params }) =>
  jsonOf(agentVersionListSchema, { data: await listAgentVersions(ctx, params.id) }),
);
