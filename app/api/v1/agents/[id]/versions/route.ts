// GET /api/v1/agents/:id/versions — every saved version of an agent, newest first.
import { agentVersionListSchema } from "@/lib/agents/agent-schemas";
import { listAgentVersions } from "@/lib/agents/workspace-agents";
import { v1Route } from "@/lib/api/v1-route";
import { jsonOf } from "@/lib/http/route";

export const GET = v1Route<{ id: string }>({}, async ({ ctx, params }) =>
  jsonOf(agentVersionListSchema, { data: await listAgentVersions(ctx, params.id) }),
);
