// GET /api/workspaces/:slug/webhooks — as GET /api/v1/webhooks, for the dashboard (owners and admins).
// POST — register an endpoint: 201 with its secret, shown this once.
import { readJson } from "@/lib/http/read-json";
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/webhook-endpoints";
import { createdWebhookEndpointSchema, createWebhookSchema, webhookEndpointListSchema } from "@/lib/webhooks/webhook-schemas";

type Params = { slug: string };

export const GET = workspaceRoute<Params>("webhooks:manage", async ({ ctx }) =>
  jsonOf(webhookEndpointListSchema, { data: await listWebhookEndpoints(ctx) }),
);

export const POST = workspaceRoute<Params>("webhooks:manage", async ({ request, ctx }) =>
  jsonOf(createdWebhookEndpointSchema, await createWebhookEndpoint(ctx, await readJson(request, createWebhookSchema)), 201, {
    "cache-control": "no-store",
  }),
);
