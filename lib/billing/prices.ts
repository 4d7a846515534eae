// Stripe prices ↔ tiers, from the tiers config and the STRIPE_PRICE_* variables it names.
import { env } from "@/config/env";
import { TIER_LIST, type TierId } from "@/config/tiers";

/** The tiers sold through Checkout (those with a price). */
export const PURCHASABLE_TIERS = TIER_LIST.filter((t) => t.stripePriceEnv !== null).map((t) => t.id);

export function priceForTier(tier: TierId): string | null {
  const variable = TIER_LIST.find((t) => t.id === tier)?.stripePriceEnv;
  return (variable && env[variable]) || null;
}

/** The tier a price buys; `null` for a price this installation does not sell. */
export function tierForPrice(priceId: string): TierId | null {
  return TIER_LIST.find((t) => t.stripePriceEnv !== null && env[t.stripePriceEnv] === priceId)?.id ?? null;
}
