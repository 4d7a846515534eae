// How a tier's limits and prices read: on the pricing page, the landing page and the billing page.
import { EVERY_TIER_INCLUDES } from "@/config/tiers";

const numbers = new Intl.NumberFormat("en-US");

export function formatLimit(value: number | null, unit = ""): string {
  if (value === null) return "Custom";
  return `${numbers.format(value)}${unit ? ` ${unit}` : ""}`;
}

export function formatPrice(priceUsd: number | null): string {
  if (priceUsd === null) return "Contact us";
  return priceUsd === 0 ? "$0" : `$${numbers.format(priceUsd)}`;
}

/** Included model spend: "$0.50 of model usage", "Custom" for contracts. */
export function formatModelSpend(usd: number | null): string {
  if (usd === null) return "Custom";
  return `$${usd.toFixed(2)}`;
}

/** What every tier has, as a phrase: "all agents, the audit log, and usage alerts …". */
export function formatEveryTierIncludes(): string {
  return new Intl.ListFormat("en", { type: "conjunction" }).format(EVERY_TIER_INCLUDES);
}
