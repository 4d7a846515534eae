// GET /api/v1/agents/:id — an agent's latest version; PATCH — save a change (the next version);
// DELETE — archive it (its versions and runs stay readable; new runs are refused).
import { updateAgentSchema } from "@/lib/agents/agent-definition";
import { agentViewSchema } from "@/lib/agents/agent-schemas";
import { archiveAgent, getAgent, updateAgent } from "@/lib/agents/workspace-agents";
import { v1Route } from "@/lib/api/v1-route";
import { readJson } from "@/lib/http/read-json";
import { jsonOf } from "@/lib/http/route";

type Params = { id: string };

export const GET = v1Route<Params>({}, async ({ ctx, params }) => jsonOf(agentViewSchema, await getAgent(ctx, params.id)));

export const PATCH = v1Route<Params>({ scope: "agents:write" }, async ({ request, ctx, params }) =>
  jsonOf(agentViewSchema, await updateAgent(ctx, params.id, await readJson(request, updateAgentSchema))),
);

export const DELETE = v1Route<Params>({ scope: "agents:write" }, async ({ ctx, params }) =>
  jsonOf(agentViewSchema, await archiveAgent(ctx, params.id)),
);
