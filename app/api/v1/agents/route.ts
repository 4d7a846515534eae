// GET /api/v1/agents — the built-in agents, then the workspace's own (each with its input schema).
// POST /api/v1/agents — a new agent (version 1), or a copy of a built-in one ({ template }).
import { readCreateAgent } from "@/lib/agents/agent-requests";
import { agentListSchema, agentViewSchema } from "@/lib/agents/agent-schemas";
import { createAgent, listAgents } from "@/lib/agents/workspace-agents";
import { v1Route } from "@/lib/api/v1-route";
import { jsonOf } from "@/lib/http/route";

export const GET = v1Route({}, async ({ ctx }) => jsonOf(agentListSchema, { data: await listAgents(ctx) }));

export const POST = v1Route({ scope: "agents:write" }, async ({ request, ctx }) =>
  jsonOf(agentViewSchema, await createAgent(ctx, await readCreateAgent(request)), 201),
);
