// The one source of truth for tiers: the pricing page, checkout and limit enforcement all read this.

export const TIER_IDS = ["free", "starter", "pro", "enterprise"] as const;
export type TierId = (typeof TIER_IDS)[number];

/** `null` means "no fixed limit" (Enterprise limits are agreed per contract). */
export interface TierLimits {
  apiCallsPerMinute: number | null;
  apiCallsPerMonth: number | null;
  agentMinutesPerMonth: number | null;
  concurrentRuns: number | null;
  members: number | null;
  /** Model spend (provider tokens at list price) included per month, in USD; at most 15% of the price. */
  includedModelSpendUsd: number | null;
}

/** What happens when a workspace reaches its cap of a metric: the request is refused, or the workspace pauses. */
export type AtCap = "refuse" | "pause";

export interface Tier {
  id: TierId;
  name: string;
  /** Monthly price in US dollars; `null` for "contact us". */
  priceUsd: number | null;
  tagline: string;
  limits: TierLimits;
  /** The most a workspace's own agent may declare: turns per run and seconds per run. */
  runLimits: { maxTurns: number; maxRuntimeSeconds: number };
  /** The environment variable holding this tier's Stripe price id; `null`: not sold through checkout. */
  stripePriceEnv: "STRIPE_PRICE_STARTER" | "STRIPE_PRICE_PRO" | null;
  /** Paid tiers may run past the included quota up to this multiple (overage), then `atCap` applies. */
  overageCap: number;
  /** At the cap: Free refuses (402) and never bills; paid tiers pause (423) after their billed overage. */
  atCap: AtCap;
  /** What this tier adds; what every tier has is in EVERY_TIER_INCLUDES. */
  highlights: string[];
}

/** What paid overage of model spend costs: USD billed per 1 USD of model cost beyond the included amount. */
export const MODEL_OVERAGE_PRICE_PER_USD = 1.2;

/** Not gated by tier: every workspace has them (the audit log needs only an owner's or admin's role). */
export const EVERY_TIER_INCLUDES = ["all agents", "the audit log", "usage alerts at 80% and 100% of each quota"];

const OVERAGE_HIGHLIGHT = `Overage up to 2x ($${MODEL_OVERAGE_PRICE_PER_USD.toFixed(2)} per $1 of model usage), then auto-pause`;

export const TIERS: Record<TierId, Tier> = {
  free: {
    id: "free",
    name: "Free",
    priceUsd: 0,
    tagline: "Try every agent on a side project.",
    limits: {
      apiCallsPerMinute: 60,
      apiCallsPerMonth: 10_000,
      agentMinutesPerMonth: 60,
      concurrentRuns: 1,
      members: 1,
      includedModelSpendUsd: 0.5,
    },
    runLimits: { maxTurns: 10, maxRuntimeSeconds: 300 },
    stripePriceEnv: null,
    overageCap: 1,
    atCap: "refuse",
    highlights: ["Community support", "Stops at the quota, never bills"],
  },
  starter: {
    id: "starter",
    name: "Starter",
    priceUsd: 49,
    tagline: "For a small team shipping its first agents.",
    limits: {
      apiCallsPerMinute: 300,
      apiCallsPerMonth: 250_000,
      agentMinutesPerMonth: 1_000,
      concurrentRuns: 5,
      members: 5,
      includedModelSpendUsd: 7,
    },
    runLimits: { maxTurns: 25, maxRuntimeSeconds: 900 },
    stripePriceEnv: "STRIPE_PRICE_STARTER",
    overageCap: 2,
    atCap: "pause",
    highlights: ["Email support", OVERAGE_HIGHLIGHT],
  },
  pro: {
    id: "pro",
    name: "Pro",
    priceUsd: 149,
    tagline: "For products that run agents all day.",
    limits: {
      apiCallsPerMinute: 1_000,
      apiCallsPerMonth: 2_000_000,
      agentMinutesPerMonth: 5_000,
      concurrentRuns: 20,
      members: 25,
      includedModelSpendUsd: 22,
    },
    runLimits: { maxTurns: 50, maxRuntimeSeconds: 1800 },
    stripePriceEnv: "STRIPE_PRICE_PRO",
    overageCap: 2,
    atCap: "pause",
    highlights: ["Priority support", OVERAGE_HIGHLIGHT],
  },
  enterprise: {
    id: "enterprise",
    name: "Enterprise",
    priceUsd: null,
    tagline: "Custom limits, contracts and support.",
    limits: {
      apiCallsPerMinute: null,
      apiCallsPerMonth: null,
      agentMinutesPerMonth: null,
      concurrentRuns: null,
      members: null,
      includedModelSpendUsd: null,
    },
    runLimits: { maxTurns: 100, maxRuntimeSeconds: 3600 },
    stripePriceEnv: null,
    overageCap: 2,
    atCap: "pause",
    highlights: ["Custom limits", "SSO on request", "Dedicated support"],
  },
};

/** A tier's rank, the one place tiers are ordered: Free 0 < Starter 1 < Pro 2 < Enterprise 3 (TIER_IDS order). */
export function tierRank(tier: TierId): number {
  return TIER_IDS.indexOf(tier);
}

/** Whether `tier` ranks above `than` (Free < Starter < Pro < Enterprise). */
export function tierRanksAbove(tier: TierId, than: TierId): boolean {
  return tierRank(tier) > tierRank(than);
}

/** Whether the tier bills usage past its included quota (overage) rather than stopping there. */
export function billsOverage(tier: Tier): boolean {
  return tier.overageCap > 1;
}

export const TIER_LIST: Tier[] = TIER_IDS.map((id) => TIERS[id]);

export function getTier(id: TierId): Tier {
  return TIERS[id];
}
