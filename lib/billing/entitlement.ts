// Which tier a workspace's subscriptions entitle it to. Pure, so that every rule is tested directly.
import { tierRanksAbove, type TierId } from "@/config/tiers";

export interface SubscriptionState {
  priceId: string;
  status: string;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
}

const DAY_MS = 86_400_000;

/** Statuses from which a subscription never comes back (nothing more is billed or granted). */
export const ENDED_STATUSES = new Set(["canceled", "incomplete_expired"]);

/** When a subscription first seen past due at `pastDueSince` stops granting its tier. */
export function graceEndsAt(pastDueSince: Date, graceDays: number): Date {
  return new Date(pastDueSince.getTime() + graceDays * DAY_MS);
}

/** Whether one subscription still grants its tier at `now`. */
export function grantsTier(sub: SubscriptionState, now: Date, graceDays: number): boolean {
  // A cancellation takes effect at the end of the paid period; Stripe then deletes the subscription.
  if (sub.cancelAtPeriodEnd && sub.currentPeriodEnd <= now) return false;
  if (sub.status === "active" || sub.status === "trialing") return true;
  // A failed payment keeps the tier for the grace period while Stripe retries the card.
  if (sub.status === "past_due") return sub.pastDueSince !== null && now < graceEndsAt(sub.pastDueSince, graceDays);
  return false; // canceled, unpaid, incomplete, incomplete_expired, paused
}

/**
 * The highest tier any subscription grants, else Free. Enterprise is agreed per contract and set by an
 * administrator, never sold through Stripe, so billing leaves an Enterprise workspace as it is.
 */
export function entitledTier(
  current: TierId,
  subscriptions: SubscriptionState[],
  tierForPrice: (priceId: string) => TierId | null,
  now: Date,
  graceDays: number,
): TierId {
  if (current === "enterprise") return "enterprise";
  let best: TierId = "free";
  for (const sub of subscriptions) {
    const tier = tierForPrice(sub.priceId);
    if (tier && grantsTier(sub, now, graceDays) && tierRanksAbove(tier, best)) best = tier;
  }
  return best;
}
