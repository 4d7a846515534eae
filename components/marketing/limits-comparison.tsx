// A side-by-side table of every tier's limits, for the pricing page.
import { TIER_LIST, type TierLimits } from "@/config/tiers";
import { formatLimit } from "./format-limit";

const ROWS: { label: string; key: keyof TierLimits }[] = [
  { label: "API calls per minute", key: "apiCallsPerMinute" },
  { label: "API calls per month", key: "apiCallsPerMonth" },
  { label: "Agent-minutes per month", key: "agentMinutesPerMonth" },
  { label: "Concurrent runs", key: "concurrentRuns" },
  { label: "Members", key: "members" },
];

export function LimitsComparison() {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">Limits of each tier</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-2 pr-4 font-semibold">Limit</th>
            {TIER_LIST.map((tier) => (
              <th key={tier.id} scope="col" className="py-2 pr-4 font-semibold">{tier.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-4 font-normal text-slate-700">{row.label}</th>
              {TIER_LIST.map((tier) => (
                <td key={tier.id} className="py-2 pr-4">{formatLimit(tier.limits[row.key])}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-2 pr-4 font-normal text-slate-700">At the limit</th>
            {TIER_LIST.map((tier) => (
              <td key={tier.id} className="py-2 pr-4">
                {tier.id === "free" ? "Stops" : tier.id === "enterprise" ? "Agreed per contract" : `Overage to ${tier.overageCap}x, then pauses`}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
