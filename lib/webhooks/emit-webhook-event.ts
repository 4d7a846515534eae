// Webhook events: one WebhookDelivery per enabled endpoint subscribed to the event's type, written in the
// caller's transaction together with a queue job that wakes each one, so an event exists if and only if
// the change it reports does. A workspace without such endpoints pays one query.
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueWebhookDelivery } from "@/lib/queue/run-queue";
import type { WebhookEventType } from "./webhook-schemas";

export type WebhookData = Prisma.InputJsonObject;

/** The event's webhook-id: the same for every endpoint and every attempt. */
export const newEventId = () => `msg_${randomBytes(16).toString("hex")}`;

/** `data` may be a function, read only when some endpoint wants the event. */
export async function emitWebhookEvent(
  tx: Tx,
  workspaceId: string,
  type: WebhookEventType,
  data: WebhookData | (() => Promise<WebhookData>),
): Promise<void> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { workspaceId, disabledAt: null, events: { has: type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return;
  const payload = typeof data === "function" ? await data() : data;
  await queueDeliveries(
    tx,
    workspaceId,
    endpoints.map((e) => e.id),
    { eventId: newEventId(), eventType: type, payload },
  );
}

/** Writes the event's delivery to each endpoint, due now, and wakes each through the queue. */
export async function queueDeliveries(
  tx: Tx,
  workspaceId: string,
  endpointIds: string[],
  event: { eventId: string; eventType: string; payload: WebhookData },
) {
  const now = new Date();
  const deliveries = await tx.webhookDelivery.createManyAndReturn({
    data: endpointIds.map((endpointId) => ({ workspaceId, endpointId, ...event, createdAt: now, nextAttemptAt: now })),
  });
  for (const delivery of deliveries) await enqueueWebhookDelivery(tx, { deliveryId: delivery.id, workspaceId });
  return deliveries;
}
