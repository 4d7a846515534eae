// What the dashboard and the API show and do with an endpoint's deliveries: the newest 50 with their
// status, response code and latency; a resend (the same delivery, the same webhook-id, a fresh retry
// schedule); and a test event sent to one endpoint.
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/members/permissions";
import { enqueueWebhookDelivery } from "@/lib/queue/run-queue";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { newEventId, queueDeliveries } from "./emit-webhook-event";
import { findEndpoint } from "./webhook-endpoints";
import { TEST_EVENT_TYPE, toDeliveryView, type WebhookDeliveryView } from "./webhook-schemas";

const LISTED_DELIVERIES = 50;

const assertEnabled = (endpoint: { disabledAt: Date | null }) => {
  if (endpoint.disabledAt) throw new AppError("conflict", "This endpoint is disabled after repeated failures. Enable it again first.");
};

export async function listDeliveries(ctx: WorkspaceContext, endpointId: string): Promise<WebhookDeliveryView[]> {
  assertCan(ctx.role, "webhooks:manage");
  const rows = await inWorkspace(ctx.workspaceId, async (tx) => {
    await findEndpoint(tx, ctx.workspaceId, endpointId);
    return tx.webhookDelivery.findMany({
      where: { workspaceId: ctx.workspaceId, endpointId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LISTED_DELIVERIES,
    });
  });
  return rows.map(toDeliveryView);
}

/** Sends the delivery again, due now: whether it was delivered, failed or still waiting for a retry. */
export async function resendDelivery(ctx: WorkspaceContext, deliveryId: string): Promise<WebhookDeliveryView> {
  assertCan(ctx.role, "webhooks:manage");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, workspaceId: ctx.workspaceId },
      include: { endpoint: { select: { disabledAt: true } } },
    });
    if (!delivery) throw new AppError("not_found", "No webhook delivery with this id in this workspace.");
    assertEnabled(delivery.endpoint);
    const resent = await tx.webhookDelivery.update({
      where: { id: deliveryId, workspaceId: ctx.workspaceId },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), deliveredAt: null },
    });
    await enqueueWebhookDelivery(tx, { deliveryId, workspaceId: ctx.workspaceId });
    return toDeliveryView(resent);
  });
}

/** A `webhook.test` event to this one endpoint, delivered like any other. */
export async function sendTestEvent(ctx: WorkspaceContext, endpointId: string): Promise<WebhookDeliveryView> {
  assertCan(ctx.role, "webhooks:manage");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    assertEnabled(await findEndpoint(tx, ctx.workspaceId, endpointId));
    const [delivery] = await queueDeliveries(tx, ctx.workspaceId, [endpointId], {
      eventId: newEventId(),
      eventType: TEST_EVENT_TYPE,
      payload: { endpointId, message: "A test event from AgentHQ." },
    });
    return toDeliveryView(delivery!);
  });
}
