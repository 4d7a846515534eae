// GET /api/workspaces/:slug/agents — built-in and own agents; POST — a new agent (the dashboard's editor).
import { readCreateAgent } from "@/lib/agents/agent-requests";
import { agentListSchema, agentViewSchema } from "@/lib/agents/agent-schemas";
import { createAgent, listAgents } from "@/lib/agents/workspace-agents";
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";

type Params = { slug: string };

export const GET = workspaceRoute<Params>("workspace:read", async ({ ctx }) =>
  jsonOf(agentListSchema, { data: await listAgents(ctx, { includeArchived: true }) }),
);

export const POST = workspaceRoute<Params>("agents:write", async ({ request, ctx }) =>
  jsonOf(agentViewSchema, await createAgent(ctx, await readCreateAgent(request)), 201),
);
