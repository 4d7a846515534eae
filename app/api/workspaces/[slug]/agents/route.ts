// GET /api/workspaces/:slug/agents — built-in and own agents; POST — a new agent (the dashboard's editor).
import { readCreateAgent } from "@/lib/agents/agent-requests";
import { createAgent, listAgents } from "@/lib/agents/workspace-agents";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";

type Params = { slug: string };

export const GET = workspaceRoute<Params>("workspace:read", async ({ ctx }) => json({ data: await listAgents(ctx.workspaceId, { includeArchived: true }) }));

export const POST = workspaceRoute<Params>("agents:write", async ({ request, ctx }) => json(await createAgent(ctx, await readCreateAgent(request)), 201));
