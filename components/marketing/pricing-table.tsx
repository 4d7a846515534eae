// The tier cards, generated from config/tiers.ts.
import { site } from "@/config/site";
import { TIER_LIST } from "@/config/tiers";
import { formatLimit, formatModelSpend, formatPrice } from "@/lib/tiers/format-limit";
import { ButtonLink } from "../ui/button-link";

export function PricingTable() {
  return (
    <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
      {TIER_LIST.map((tier) => {
        const featured = tier.id === "pro";
        return (
          <section
            key={tier.id}
            aria-labelledby={`tier-${tier.id}`}
            className={`flex flex-col rounded-xl border p-6 ${featured ? "border-brand-600 shadow-lg" : "border-slate-200"}`}
          >
            <h3 id={`tier-${tier.id}`} className="text-lg font-semibold">
              {tier.name}
            </h3>
            <p className="mt-1 text-sm text-slate-600">{tier.tagline}</p>
            <p className="mt-4">
              <span className="text-3xl font-bold">{formatPrice(tier.priceUsd)}</span>
              {tier.priceUsd !== null && <span className="text-sm text-slate-600"> / month</span>}
            </p>
            <ul className="mt-4 space-y-1 text-sm text-slate-700">
              <li>{formatModelSpend(tier.limits.includedModelSpendUsd)} of model usage included / month</li>
              <li>{formatLimit(tier.limits.apiCallsPerMonth)} API calls / month</li>
              <li>{formatLimit(tier.limits.agentMinutesPerMonth)} agent-minutes / month</li>
              <li>{formatLimit(tier.limits.apiCallsPerMinute)} API calls / minute</li>
              <li>
                {formatLimit(tier.limits.concurrentRuns)} concurrent run{tier.limits.concurrentRuns === 1 ? "" : "s"}
              </li>
              <li>
                {formatLimit(tier.limits.members)} {tier.limits.members === 1 ? "member" : "members"}
              </li>
              {tier.highlights.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
            <div className="mt-auto pt-6">
              {tier.priceUsd === null ? (
                <ButtonLink href={`mailto:${site.supportEmail}?subject=AgentHQ%20Enterprise`} variant="secondary" className="w-full">
                  Contact sales
                </ButtonLink>
              ) : (
                <ButtonLink href="/signup" variant={featured ? "primary" : "secondary"} className="w-full">
                  {tier.priceUsd === 0 ? "Start free" : `Choose ${tier.name}`}
                </ButtonLink>
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
