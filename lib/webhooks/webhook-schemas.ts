// The contract of outbound webhooks: the event types an endpoint subscribes to, the request that
// registers one, and the shapes endpoints and deliveries leave lib/ in (no secret, no internal column).
import { z } from "zod";
import { singleLineText } from "@/lib/forms/single-line";
import type { WebhookDeliveryStatus } from "@/lib/generated/prisma/enums";
import { outboundUrlSchema } from "@/lib/tools/tool-headers";

export const WEBHOOK_EVENT_TYPES = [
  "run.succeeded",
  "run.failed",
  "run.canceled",
  "usage.alert",
  "workspace.paused",
  "workspace.resumed",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** Sent only on request, to the one endpoint being tested; nobody subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";

export const MAX_ENDPOINTS_PER_WORKSPACE = 10;

export const createWebhookSchema = z.strictObject({
  url: outboundUrlSchema,
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1, "Choose at least one event.")
    .max(WEBHOOK_EVENT_TYPES.length)
    .transform((events) => [...new Set(events)]),
  description: singleLineText(200, "Describe the endpoint, or leave the description out.").optional(),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

const eventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES).meta({ id: "WebhookEventType" });

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(eventTypeSchema),
    description: z.string().optional(),
    disabledAt: z.iso.datetime().optional().meta({
      description: "Set when deliveries kept failing for about a day; a disabled endpoint receives nothing until it is enabled again.",
    }),
    disabledReason: z.string().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "WebhookEndpoint" });
export type WebhookEndpointView = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointListSchema = z
  .object({ data: z.array(webhookEndpointSchema).meta({ description: "Oldest first; never their secrets." }) })
  .meta({ id: "WebhookEndpointList" });

const secretSchema = z
  .string()
  .startsWith("whsec_")
  .meta({ description: "The signing secret, `whsec_…`, for `new Webhook(secret).verify(body, headers)`: shown this once." });

/** An endpoint just registered: the one answer that carries its secret. */
export const createdWebhookEndpointSchema = z
  .object({ ...webhookEndpointSchema.shape, secret: secretSchema })
  .meta({ id: "CreatedWebhookEndpoint" });

export const rotatedWebhookSecretSchema = z
  .object({
    id: z.string(),
    secret: secretSchema,
    previousSecretExpiresAt: z.iso.datetime().meta({ description: "Until then deliveries are signed with the previous secret too." }),
  })
  .meta({ id: "RotatedWebhookSecret" });

export const deletedWebhookEndpointSchema = z.object({ id: z.string(), deleted: z.literal(true) }).meta({ id: "DeletedWebhookEndpoint" });

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string().meta({ description: "The `webhook-id` header (`msg_…`), the same on every attempt." }),
    eventType: z.string(),
    data: z.unknown().meta({ description: "The event's `data`, as in the body `{ type, timestamp, data }`." }),
    status: z.enum(["pending", "delivered", "failed"] satisfies WebhookDeliveryStatus[]),
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime().optional().meta({ description: "While pending: when the next attempt is due." }),
    lastStatusCode: z.number().int().optional(),
    lastLatencyMs: z.number().int().optional(),
    lastError: z.string().optional(),
    deliveredAt: z.iso.datetime().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDeliveryView = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = z
  .object({ data: z.array(webhookDeliverySchema).meta({ description: "The newest 50, newest first." }) })
  .meta({ id: "WebhookDeliveryList" });

interface EndpointRow {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
}

export function toEndpointView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[], // written only through createWebhookSchema
    ...(row.description && { description: row.description }),
    ...(row.disabledAt && { disabledAt: row.disabledAt.toISOString() }),
    ...(row.disabledReason && { disabledReason: row.disabledReason }),
    createdAt: row.createdAt.toISOString(),
  };
}

interface DeliveryRow {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: unknown;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export function toDeliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    data: row.payload,
    status: row.status,
    attempts: row.attempts,
    ...(row.status === "pending" && { nextAttemptAt: row.nextAttemptAt.toISOString() }),
    ...(row.lastStatusCode !== null && { lastStatusCode: row.lastStatusCode }),
    ...(row.lastLatencyMs !== null && { lastLatencyMs: row.lastLatencyMs }),
    ...(row.lastError && { lastError: row.lastError }),
    ...(row.deliveredAt && { deliveredAt: row.deliveredAt.toISOString() }),
    createdAt: row.createdAt.toISOString(),
  };
}
