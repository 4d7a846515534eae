// GET /api/workspaces/:slug/model-connections — OpenAI-compatible endpoints; POST — add one (owners).
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { createConnection, createConnectionSchema, listConnections } from "@/lib/models/model-connections";

type Params = { slug: string };

export const GET = workspaceRoute<Params>("workspace:read", async ({ ctx }) => json({ data: await listConnections(ctx) }));

export const POST = workspaceRoute<Params>("secrets:manage", async ({ request, ctx }) =>
  json(await createConnection(ctx, await readJson(request, createConnectionSchema)), 201),
);
