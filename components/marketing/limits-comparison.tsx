// A side-by-side table of every tier's limits, for the pricing page.
import { billsOverage, MODEL_OVERAGE_PRICE_PER_USD, TIER_LIST, type Tier, type TierLimits } from "@/config/tiers";
import { formatLimit, formatModelSpend } from "@/lib/tiers/format-limit";

const ROWS: { label: string; key: keyof TierLimits; format?: (value: number | null) => string }[] = [
  { label: "Model usage included per month", key: "includedModelSpendUsd", format: formatModelSpend },
  { label: "API calls per minute", key: "apiCallsPerMinute" },
  { label: "API calls per month", key: "apiCallsPerMonth" },
  { label: "Agent-minutes per month", key: "agentMinutesPerMonth" },
  { label: "Concurrent runs", key: "concurrentRuns" },
  { label: "Members", key: "members" },
];

function atTheLimit(tier: Tier): string {
  if (tier.priceUsd === null) return "Agreed per contract";
  if (tier.atCap === "refuse") return "Stops";
  return `Overage to ${tier.overageCap}x, then pauses`;
}

export function LimitsComparison() {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">Limits of each tier</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Limit
            </th>
            {TIER_LIST.map((tier) => (
              <th key={tier.id} scope="col" className="py-2 pr-4 font-semibold">
                {tier.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-4 font-normal text-slate-700">
                {row.label}
              </th>
              {TIER_LIST.map((tier) => (
                <td key={tier.id} className="py-2 pr-4">
                  {(row.format ?? formatLimit)(tier.limits[row.key])}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-2 pr-4 font-normal text-slate-700">
              At the limit
            </th>
            {TIER_LIST.map((tier) => (
              <td key={tier.id} className="py-2 pr-4">
                {atTheLimit(tier)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="mt-3 text-sm text-slate-600">
        Model usage is what your runs&apos; model tokens cost at the provider&apos;s list price, metered per turn.{" "}
        {TIER_LIST.filter(billsOverage)
          .filter((t) => t.priceUsd !== null)
          .map((t) => t.name)
          .join(" and ")}{" "}
        may continue past the included amount at ${MODEL_OVERAGE_PRICE_PER_USD.toFixed(2)} per $1 of model usage, up to 2x. Runs on your own
        Anthropic key do not count against it.
      </p>
    </div>
  );
}
