// Applying Stripe's word to a workspace. Stripe may deliver events late, twice, concurrently or out of
// order, so an event is only a prompt: the subscription is re-fetched from Stripe while the workspace row is
// locked, and the event's id is recorded in the same transaction as the effect. Whatever order events
// arrive in, the last one to commit writes Stripe's current state, and a redelivery changes nothing.
import type Stripe from "stripe";
import { env } from "@/config/env";
import { inWorkspace, inWorkspaceWithTimeout, type Tx } from "@/lib/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { logger } from "@/lib/log/logger";
import { afterTierChange, setTierInTx, type TierChange } from "@/lib/workspaces/change-tier";
import type { TierId } from "@/config/tiers";
import { entitledTier, type SubscriptionState } from "./entitlement";
import { decisivePrice, tierForPrice } from "./prices";
import { isMissingResource } from "./stripe-errors";
import { stripe } from "./stripe-client";
import { withSyncSlot } from "./sync-slots";

export type EventOutcome = "applied" | "duplicate" | "ignored";

/** The first key of billing's advisory locks (the second is the workspace); migrations use 72707369. */
const BILLING_LOCK_CLASS = 7271;

/** Time allowed for the transaction that waits on Stripe (the SDK's own timeout is 10 s, one retry). */
const SYNC_TIMEOUT_MS = 25_000;

export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

function stateOf(subscription: Stripe.Subscription, known: { pastDueSince: Date | null } | null, now: Date): SubscriptionState {
  const priceId = decisivePrice(subscription.items.data.map((item) => item.price.id));
  const item = subscription.items.data.find((i) => i.price.id === priceId);
  const periodEnd = subscription.cancel_at ?? item?.current_period_end ?? subscription.billing_cycle_anchor;
  return {
    priceId,
    status: subscription.status,
    currentPeriodEnd: new Date(periodEnd * 1000),
    cancelAtPeriodEnd: subscription.cancel_at_period_end || subscription.cancel_at !== null,
    // The grace period counts from the first time the subscription was seen past due.
    pastDueSince: subscription.status === "past_due" ? (known?.pastDueSince ?? now) : null,
  };
}

async function fetchSubscription(subscriptionId: string): Promise<Stripe.Subscription | null> {
  try {
    return await stripe().subscriptions.retrieve(subscriptionId);
  } catch (error) {
    if (isMissingResource(error)) return null;
    throw error; // transient: the webhook answers 5xx and Stripe delivers again
  }
}

/** Upserts the subscription's row; audits a change of price, status or cancellation. */
async function storeSubscription(tx: Tx, workspaceId: string, subscription: Stripe.Subscription, now: Date): Promise<void> {
  const known = await tx.subscription.findUnique({ where: { stripeSubscriptionId: subscription.id } });
  const state = stateOf(subscription, known, now);
  await tx.subscription.upsert({
    where: { stripeSubscriptionId: subscription.id },
    create: { workspaceId, stripeSubscriptionId: subscription.id, ...state },
    update: state,
  });
  const changed =
    !known || known.priceId !== state.priceId || known.status !== state.status || known.cancelAtPeriodEnd !== state.cancelAtPeriodEnd;
  if (changed) {
    await recordAudit(tx, {
      workspaceId,
      actorId: null,
      action: "subscription.changed",
      target: subscription.id,
      metadata: {
        status: state.status,
        tier: tierForPrice(state.priceId),
        cancelAtPeriodEnd: state.cancelAtPeriodEnd,
        ...(known && { previousStatus: known.status }),
      },
    });
  }
}

/** The tier the stored subscriptions entitle the workspace to, applied in the transaction. */
async function applyEntitlement(tx: Tx, workspaceId: string, current: TierId, source: string, now: Date): Promise<TierChange> {
  const subscriptions = await tx.subscription.findMany({ where: { workspaceId } });
  const tier = entitledTier(current, subscriptions, tierForPrice, now, env.BILLING_GRACE_DAYS);
  return setTierInTx(tx, workspaceId, tier, { actorId: null, source });
}

/**
 * Serialises billing work on one workspace until the transaction ends. An advisory lock, not a row lock:
 * `FOR UPDATE` on the workspace row would also block its API traffic (every insert referencing the
 * workspace takes a key-share lock on it) for as long as Stripe takes to answer.
 */
async function lockBilling(tx: Tx, workspaceId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BILLING_LOCK_CLASS}, hashtext(${workspaceId}))`;
  const [workspace] = await tx.$queryRaw<{ tier: TierId; stripeCustomerId: string | null }[]>`
    SELECT tier, "stripeCustomerId" FROM "Workspace" WHERE id = ${workspaceId}`;
  return workspace ?? null;
}

/** Applies one Stripe event about `subscriptionId` to the workspace, at most once per event id. */
export async function applySubscriptionEvent(event: Stripe.Event, workspaceId: string, subscriptionId: string): Promise<EventOutcome> {
  const now = new Date();
  const result = await withSyncSlot(() => inWorkspaceWithTimeout(workspaceId, SYNC_TIMEOUT_MS, async (tx) => {
    // Concurrent deliveries of one event wait here on the first one's row, then find it recorded.
    const recorded = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "StripeEvent" (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING RETURNING id`;
    if (recorded.length === 0) return { outcome: "duplicate" as const };

    const workspace = await lockBilling(tx, workspaceId);
    if (!workspace) return { outcome: "ignored" as const };
    const subscription = await fetchSubscription(subscriptionId);
    if (!subscription || idOf(subscription.customer) !== workspace.stripeCustomerId) {
      logger.warn("stripe subscription not found or not this workspace's", { eventId: event.id, type: event.type, workspaceId, subscriptionId });
      return { outcome: "ignored" as const };
    }
    await storeSubscription(tx, workspaceId, subscription, now);
    if (event.type === "invoice.payment_failed") {
      await recordAudit(tx, { workspaceId, actorId: null, action: "billing.payment_failed", target: subscription.id, metadata: { eventId: event.id } });
    }
    const change = await applyEntitlement(tx, workspaceId, workspace.tier, "stripe", now);
    return { outcome: "applied" as const, change };
  }));
  if (result.outcome === "applied") {
    afterTierChange(result.change);
    logger.info("stripe event applied", { eventId: event.id, type: event.type, workspaceId, from: result.change.from, to: result.change.to });
  }
  return result.outcome;
}

/** Re-evaluates a workspace's tier from its stored subscriptions (the sweep for lapsed grace periods). */
export async function reviewEntitlement(workspaceId: string, source: string): Promise<TierChange | null> {
  const now = new Date();
  const change = await inWorkspace(workspaceId, async (tx) => {
    const workspace = await lockBilling(tx, workspaceId);
    return workspace ? applyEntitlement(tx, workspaceId, workspace.tier, source, now) : null;
  });
  if (change) afterTierChange(change);
  return change;
}
