// DELETE /api/workspaces/:slug/webhooks/:id — remove an endpoint, its deliveries and its secret.
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { deleteWebhookEndpoint } from "@/lib/webhooks/webhook-endpoints";
import { deletedWebhookEndpointSchema } from "@/lib/webhooks/webhook-schemas";

export const DELETE = workspaceRoute<{ slug: string; id: string }>("webhooks:manage", async ({ ctx, params }) =>
  jsonOf(deletedWebhookEndpointSchema, await deleteWebhookEndpoint(ctx, params.id)),
);
