// How far each tier may go. Free stops at its included quota; paid tiers may run into overage up to
// `overageCap` times the included quota and are then paused; `null` means no cap.
import { getTier, type TierId } from "@/config/tiers";
import type { UsageMetric } from "@/lib/generated/prisma/enums";

/** The metrics counted in units the tier config gives directly; model spend has its own policy (lib/spend). */
export type CountedMetric = Exclude<UsageMetric, "model_spend">;

export function includedQuota(tier: TierId, metric: CountedMetric): number | null {
  const limits = getTier(tier).limits;
  if (metric === "api_calls") return limits.apiCallsPerMonth;
  return limits.agentMinutesPerMonth === null ? null : limits.agentMinutesPerMonth * 60;
}

export function usageCap(tier: TierId, metric: CountedMetric): number | null {
  const included = includedQuota(tier, metric);
  return included === null ? null : included * getTier(tier).overageCap;
}
