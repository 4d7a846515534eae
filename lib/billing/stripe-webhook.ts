// Stripe's webhook: verify the signature on the raw body, find the workspace the event is about, and hand
// the subscription it concerns to sync-subscription.ts. Events of other kinds are acknowledged unread.
import Stripe from "stripe";
import { env } from "@/config/env";
import { db } from "@/lib/db/client";
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/http/app-error";
import { logger } from "@/lib/log/logger";
import { applySubscriptionEvent, idOf, type EventOutcome } from "./sync-subscription";
import { stripe } from "./stripe-client";

/** The events AgentHQ acts on (docs/billing.md lists them for the webhook endpoint's setup). */
export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
] as const;

/** How old a signed timestamp may be (Stripe's default): older deliveries are replays. */
const SIGNATURE_TOLERANCE_SECONDS = 300;

export async function verifyStripeEvent(rawBody: string, signature: string | null): Promise<Stripe.Event> {
  if (!signature) throw new AppError("invalid_request", "Missing Stripe-Signature header.");
  try {
    return await stripe().webhooks.constructEventAsync(rawBody, signature, env.STRIPE_WEBHOOK_SECRET ?? "", SIGNATURE_TOLERANCE_SECONDS);
  } catch {
    throw new AppError("invalid_request", "The Stripe signature does not match this payload.");
  }
}

interface SubscriptionTarget {
  customerId: string;
  subscriptionId: string;
  /** Checkout's client_reference_id: the workspace that started the checkout. */
  workspaceId?: string;
}

function targetOf(event: Stripe.Event): SubscriptionTarget | null {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      const customerId = idOf(session.customer);
      const subscriptionId = idOf(session.subscription);
      if (session.mode !== "subscription" || !customerId || !subscriptionId) return null;
      return { customerId, subscriptionId, workspaceId: session.client_reference_id ?? session.metadata?.workspaceId };
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const subscription = event.data.object;
      const customerId = idOf(subscription.customer);
      return customerId ? { customerId, subscriptionId: subscription.id } : null;
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = event.data.object;
      const customerId = idOf(invoice.customer);
      const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
      return customerId && subscriptionId ? { customerId, subscriptionId } : null;
    }
    default:
      return null;
  }
}

/**
 * The workspace of a Stripe customer. Checkout creates the customer before payment, so it is normally
 * known; a checkout for a workspace without one (e.g. a customer made in Stripe's dashboard) links it.
 */
async function workspaceOf(target: SubscriptionTarget): Promise<string | null> {
  const [row] = await db().$queryRaw<{ id: string | null }[]>`SELECT app_workspace_by_stripe_customer(${target.customerId}) AS id`;
  if (row?.id) return row.id;
  const workspaceId = target.workspaceId;
  if (!workspaceId) return null;
  const linked = await inWorkspace(workspaceId, (tx) =>
    tx.workspace.updateMany({ where: { id: workspaceId, stripeCustomerId: null }, data: { stripeCustomerId: target.customerId } }),
  );
  return linked.count === 1 ? workspaceId : null;
}

export type WebhookOutcome = EventOutcome | "unknown_customer";

export async function handleStripeEvent(event: Stripe.Event): Promise<WebhookOutcome> {
  const target = targetOf(event);
  if (!target) return "ignored";
  const workspaceId = await workspaceOf(target);
  if (!workspaceId) {
    logger.warn("stripe event for an unknown customer acknowledged", { eventId: event.id, type: event.type, customerId: target.customerId });
    return "unknown_customer";
  }
  return applySubscriptionEvent(event, workspaceId, target.subscriptionId);
}
