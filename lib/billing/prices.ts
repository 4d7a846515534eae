// Stripe prices ↔ tiers, from the tiers config and the STRIPE_PRICE_* variables it names. A variable may
// list several price ids, comma-separated: the first is sold at checkout, and all of them keep granting
// the tier, so that replacing a price (a new amount, an annual plan) never drops existing subscribers.
import { env } from "@/config/env";
import { TIER_LIST, tierRank, type TierId } from "@/config/tiers";

/** The tiers sold through Checkout (those with a price). */
export const PURCHASABLE_TIERS = TIER_LIST.filter((t) => t.stripePriceEnv !== null).map((t) => t.id);

function priceIds(tier: TierId): string[] {
  const variable = TIER_LIST.find((t) => t.id === tier)?.stripePriceEnv;
  return (variable ? (env[variable] ?? "") : "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
}

/** The price a new checkout for `tier` sells. */
export function priceForTier(tier: TierId): string | null {
  return priceIds(tier)[0] ?? null;
}

/** The tier a price grants; `null` for a price this installation does not sell. */
export function tierForPrice(priceId: string): TierId | null {
  return PURCHASABLE_TIERS.find((tier) => priceIds(tier).includes(priceId)) ?? null;
}

/** Of a subscription's prices, the one granting the highest tier (else the first): what it pays for. */
export function decisivePrice(priceIdsOfSubscription: string[]): string {
  const rank = (id: string) => tierRank(tierForPrice(id) ?? "free");
  return [...priceIdsOfSubscription].sort((a, b) => rank(b) - rank(a))[0] ?? "";
}
