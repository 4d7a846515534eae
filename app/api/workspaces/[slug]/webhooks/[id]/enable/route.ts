// POST /api/workspaces/:slug/webhooks/:id/enable — let an endpoint disabled after repeated failures receive events again.
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { enableWebhookEndpoint } from "@/lib/webhooks/webhook-endpoints";
import { webhookEndpointSchema } from "@/lib/webhooks/webhook-schemas";

export const POST = workspaceRoute<{ slug: string; id: string }>("webhooks:manage", async ({ ctx, params }) =>
  jsonOf(webhookEndpointSchema, await enableWebhookEndpoint(ctx, params.id)),
);
