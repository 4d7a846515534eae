// GET /api/v1/webhooks — the workspace's webhook endpoints (never their secrets).
// POST /api/v1/webhooks — register one { url, events, description? }: 201 with its secret, shown this once.
import { v1Route } from "@/lib/api/v1-route";
import { readJson } from "@/lib/http/read-json";
import { jsonOf } from "@/lib/http/route";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/webhook-endpoints";
import { createdWebhookEndpointSchema, createWebhookSchema, webhookEndpointListSchema } from "@/lib/webhooks/webhook-schemas";

export const GET = v1Route({ scope: "webhooks:write" }, async ({ ctx }) =>
  jsonOf(webhookEndpointListSchema, { data: await listWebhookEndpoints(ctx) }),
);

export const POST = v1Route({ scope: "webhooks:write" }, async ({ request, ctx }) =>
  jsonOf(createdWebhookEndpointSchema, await createWebhookEndpoint(ctx, await readJson(request, createWebhookSchema)), 201, {
    "cache-control": "no-store",
  }),
);
