// Applying Stripe's word to a workspace. Stripe may deliver events late, twice, concurrently or out of
// order, so an event is only a prompt: the subscription is re-fetched from Stripe while the workspace's
// billing lock is held, and the event's id is recorded in the same transaction as the effect. Whatever
// order events arrive in, the last one to commit writes Stripe's current state, and a redelivery changes
// nothing. The billing sweep re-fetches the same way when an event seems to have been lost.
import type Stripe from "stripe";
import { env } from "@/config/env";
import type { TierId } from "@/config/tiers";
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspaceWithTimeout, type Tx } from "@/lib/db/tenant";
import { logger } from "@/lib/log/logger";
import { afterTierChange, setTierInTx, type TierChange } from "@/lib/workspaces/change-tier";
import { ENDED_STATUSES, entitledTier, type SubscriptionState } from "./entitlement";
import { decisivePrice, tierForPrice } from "./prices";
import { stripe } from "./stripe-client";
import { isMissingResource, isTransientStripeError } from "./stripe-errors";
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

type Refresh = "stored" | "missing" | "foreign";

/**
 * Re-fetches one subscription from Stripe and stores its state (audited when its price, status or
 * cancellation changed). One Stripe no longer knows has ended; one of another customer is left alone.
 */
async function refreshSubscription(
  tx: Tx,
  workspaceId: string,
  customerId: string | null,
  subscriptionId: string,
  now: Date,
): Promise<Refresh> {
  const known = await tx.subscription.findUnique({ where: { stripeSubscriptionId: subscriptionId } });
  const subscription = await fetchSubscription(subscriptionId);
  if (subscription && idOf(subscription.customer) !== customerId) return "foreign";
  if (!subscription && !known) return "missing";
  const state: SubscriptionState = subscription
    ? stateOf(subscription, known, now)
    : {
        priceId: known!.priceId,
        currentPeriodEnd: known!.currentPeriodEnd,
        cancelAtPeriodEnd: known!.cancelAtPeriodEnd,
        status: "canceled",
        pastDueSince: null,
      };
  await tx.subscription.upsert({
    where: { stripeSubscriptionId: subscriptionId },
    create: { workspaceId, stripeSubscriptionId: subscriptionId, ...state },
    update: state,
  });
  if (!known || known.priceId !== state.priceId || known.status !== state.status || known.cancelAtPeriodEnd !== state.cancelAtPeriodEnd) {
    await recordAudit(tx, {
      workspaceId,
      actorId: null,
      action: "subscription.changed",
      target: subscriptionId,
      metadata: {
        status: state.status,
        tier: tierForPrice(state.priceId),
        cancelAtPeriodEnd: state.cancelAtPeriodEnd,
        ...(known && { previousStatus: known.status }),
      },
    });
  }
  return subscription ? "stored" : "missing";
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
  const result = await withSyncSlot(() =>
    inWorkspaceWithTimeout(workspaceId, SYNC_TIMEOUT_MS, async (tx) => {
      // Concurrent deliveries of one event wait here on the first one's row, then find it recorded.
      const recorded = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "StripeEvent" (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING RETURNING id`;
      if (recorded.length === 0) return { outcome: "duplicate" as const };

      const workspace = await lockBilling(tx, workspaceId);
      if (!workspace) return { outcome: "ignored" as const };
      const refreshed = await refreshSubscription(tx, workspaceId, workspace.stripeCustomerId, subscriptionId, now);
      if (refreshed !== "stored") {
        logger.warn("stripe subscription gone or not this workspace's", {
          eventId: event.id,
          type: event.type,
          workspaceId,
          subscriptionId,
          refreshed,
        });
        if (refreshed === "foreign") return { outcome: "ignored" as const };
      }
      if (event.type === "invoice.payment_failed") {
        await recordAudit(tx, {
          workspaceId,
          actorId: null,
          action: "billing.payment_failed",
          target: subscriptionId,
          metadata: { eventId: event.id },
        });
      }
      const change = await applyEntitlement(tx, workspaceId, workspace.tier, "stripe", now);
      return { outcome: "applied" as const, change };
    }),
  );
  if (result.outcome === "applied") {
    afterTierChange(result.change);
    logger.info("stripe event applied", {
      eventId: event.id,
      type: event.type,
      workspaceId,
      from: result.change.from,
      to: result.change.to,
    });
  }
  return result.outcome;
}

/**
 * The sweep's review of one workspace: its unfinished subscriptions re-fetched from Stripe (if Stripe
 * cannot be reached, the stored state stands), then its tier recomputed, so that a lapsed grace period
 * or an ended subscription takes effect even when Stripe's event was lost.
 */
export async function reviewEntitlement(workspaceId: string, source: string): Promise<TierChange | null> {
  const now = new Date();
  const change = await withSyncSlot(() =>
    inWorkspaceWithTimeout(workspaceId, SYNC_TIMEOUT_MS, async (tx) => {
      const workspace = await lockBilling(tx, workspaceId);
      if (!workspace) return null;
      const open = await tx.subscription.findMany({
        where: { workspaceId, status: { notIn: [...ENDED_STATUSES] } },
        select: { stripeSubscriptionId: true },
      });
      for (const { stripeSubscriptionId } of open) {
        await refreshSubscription(tx, workspaceId, workspace.stripeCustomerId, stripeSubscriptionId, now).catch((error) => {
          if (!isTransientStripeError(error)) throw error;
          logger.warn("billing sweep: Stripe unreachable, using the stored subscription", {
            workspaceId,
            subscriptionId: stripeSubscriptionId,
          });
        });
      }
      return applyEntitlement(tx, workspaceId, workspace.tier, source, now);
    }),
  );
  if (change) afterTierChange(change);
  return change;
}
