// DELETE /api/v1/webhooks/:id — remove an endpoint, its deliveries and its secret.
import { v1Route } from "@/lib/api/v1-route";
import { jsonOf } from "@/lib/http/route";
import { deleteWebhookEndpoint } from "@/lib/webhooks/webhook-endpoints";
import { deletedWebhookEndpointSchema } from "@/lib/webhooks/webhook-schemas";

export const DELETE = v1Route<{ id: string }>({ scope: "webhooks:write" }, async ({ ctx, params }) =>
  jsonOf(deletedWebhookEndpointSchema, await deleteWebhookEndpoint(ctx, params.id)),
);
