// Stripe's webhook: verify the signature on the raw body, find the workspace the event is about, and hand
// the subscription it concerns to sync-subscription.ts. Events of other kinds are acknowledged unread.
import Stripe from "stripe";
import { env } from "@/config/env";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { stripe } from "./stripe-client";
import { applySubscriptionEvent, idOf, type EventOutcome } from "./sync-subscription";

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
}

function targetOf(event: Stripe.Event): SubscriptionTarget | null {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      const customerId = idOf(session.customer);
      const subscriptionId = idOf(session.subscription);
      if (session.mode !== "subscription" || !customerId || !subscriptionId) return null;
      return { customerId, subscriptionId };
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
 * The workspace of a Stripe customer. AgentHQ creates each workspace's customer before its first checkout,
 * so a customer it does not know is not one of its workspaces'. An event's client_reference_id or metadata
 * never links one: payment links and pricing tables let the buyer set those.
 */
async function workspaceOf(customerId: string): Promise<string | null> {
  const [row] = await db().$queryRaw<{ id: string | null }[]>`SELECT app_workspace_by_stripe_customer(${customerId}) AS id`;
  return row?.id ?? null;
}

export type WebhookOutcome = EventOutcome | "unknown_customer";

export async function handleStripeEvent(event: Stripe.Event): Promise<WebhookOutcome> {
  const target = targetOf(event);
  if (!target) return "ignored";
  const workspaceId = await workspaceOf(target.customerId);
  if (!workspaceId) {
    logger.warn("stripe event for an unknown customer acknowledged", {
      eventId: event.id,
      type: event.type,
      customerId: target.customerId,
    });
    return "unknown_customer";
  }
  return applySubscriptionEvent(event, workspaceId, target.subscriptionId);
}
