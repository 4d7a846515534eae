// GET|PATCH|DELETE /api/workspaces/:slug/agents/:id — as /api/v1/agents/:id, for the dashboard.
import { updateAgentSchema } from "@/lib/agents/agent-definition";
import { agentViewSchema } from "@/lib/agents/agent-schemas";
import { archiveAgent, getAgent, updateAgent } from "@/lib/agents/workspace-agents";
import { readJson } from "@/lib/http/read-json";
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";

type Params = { slug: string; id: string };

export const GET = workspaceRoute<Params>("workspace:read", async ({ ctx, params }) =>
  jsonOf(agentViewSchema, await getAgent(ctx, params.id)),
);

export const PATCH = workspaceRoute<Params>("agents:write", async ({ request, ctx, params }) =>
  jsonOf(agentViewSchema, await updateAgent(ctx, params.id, await readJson(request, updateAgentSchema))),
);

export const DELETE = workspaceRoute<Params>("agents:write", async ({ ctx, params }) =>
  jsonOf(agentViewSchema, await archiveAgent(ctx, params.id)),
);
