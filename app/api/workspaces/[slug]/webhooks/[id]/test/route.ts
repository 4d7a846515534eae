// POST /api/workspaces/:slug/webhooks/:id/test — send a webhook.test event to this endpoint: 202 with its delivery.
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { sendTestEvent } from "@/lib/webhooks/webhook-deliveries";
import { webhookDeliverySchema } from "@/lib/webhooks/webhook-schemas";

export const POST = workspaceRoute<{ slug: string; id: string }>("webhooks:manage", async ({ ctx, params }) =>
  jsonOf(webhookDeliverySchema, await sendTestEvent(ctx, params.id), 202),
);
