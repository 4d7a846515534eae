// GET /api/workspaces/:slug/webhooks/:id/deliveries — the endpoint's newest 50 deliveries, for the dashboard.
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { listDeliveries } from "@/lib/webhooks/webhook-deliveries";
import { webhookDeliveryListSchema } from "@/lib/webhooks/webhook-schemas";

export const GET = workspaceRoute<{ slug: string; id: string }>("webhooks:manage", async ({ ctx, params }) =>
  jsonOf(webhookDeliveryListSchema, { data: await listDeliveries(ctx, params.id) }),
);
