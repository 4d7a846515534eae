// POST /api/workspaces/:slug/webhooks/deliveries/:deliveryId/resend — send a delivery again, with the same
// webhook-id and a fresh retry schedule: 202 with the delivery, pending.
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { resendDelivery } from "@/lib/webhooks/webhook-deliveries";
import { webhookDeliverySchema } from "@/lib/webhooks/webhook-schemas";

export const POST = workspaceRoute<{ slug: string; deliveryId: string }>("webhooks:manage", async ({ ctx, params }) =>
  jsonOf(webhookDeliverySchema, await resendDelivery(ctx, params.deliveryId), 202),
);
