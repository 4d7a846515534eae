// GET /api/v1/webhooks/:id/deliveries — the endpoint's newest 50 deliveries: status, response code, latency.
import { v1Route } from "@/lib/api/v1-route";
import { jsonOf } from "@/lib/http/route";
import { listDeliveries } from "@/lib/webhooks/webhook-deliveries";
import { webhookDeliveryListSchema } from "@/lib/webhooks/webhook-schemas";

export const GET = v1Route<{ id: string }>({ scope: "webhooks:write" }, async ({ ctx, params }) =>
  jsonOf(webhookDeliveryListSchema, { data: await listDeliveries(ctx, params.id) }),
);
