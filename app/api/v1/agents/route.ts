// GET /api/v1/agents — the agent catalog.
import { AGENTS, publicAgent } from "@/lib/agents/catalog";
import { json } from "@/lib/http/route";
import { v1Route } from "@/lib/api/v1-route";

export const GET = v1Route({}, async () => json({ data: AGENTS.map(publicAgent) }));
