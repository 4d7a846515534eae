// /w/:slug/usage — this period's usage against the tier's limits: model spend and tokens, API calls and
// agent-seconds per day, per agent and per API key; an owner's spend limit; what happens at the limit.
import { PageHeader } from "@/components/dashboard/page-header";
import { UsageChart } from "@/components/dashboard/usage-chart";
import { UsageMeters } from "@/components/dashboard/usage-meters";
import { TableHead } from "@/components/ui/table-head";
import { getTier, MODEL_OVERAGE_PRICE_PER_USD } from "@/config/tiers";
import { can } from "@/lib/members/permissions";
import { formatUsd, formatUsdAmount } from "@/lib/spend/money";
import { getUsage } from "@/lib/usage/get-usage";
import { dailyUsage, usageByAgent, usageByApiKey, type SpendBreakdown } from "@/lib/usage/usage-breakdown";
import { loadWorkspace } from "../load-workspace";
import { SpendLimitForm } from "./spend-limit-form";

const count = new Intl.NumberFormat("en-US");

function BreakdownTable({ label, rows }: { label: string; rows: (SpendBreakdown & { name: string })[] }) {
  if (rows.length === 0) return <p className="mt-2 text-sm text-slate-600">No runs this period.</p>;
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full min-w-[480px] text-left text-sm">
        <TableHead columns={[label, "Runs", "Agent-seconds", "Tokens", "Model spend"]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className="border-b border-slate-100 tabular-nums">
              <td className="py-2 pr-4">{r.name}</td>
              <td className="py-2 pr-4">{count.format(r.runs)}</td>
              <td className="py-2 pr-4">{count.format(r.agentSeconds)}</td>
              <td className="py-2 pr-4">{count.format(r.tokens)}</td>
              <td className="py-2">{formatUsd(r.spendMicros)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AtTheLimit({ tierId }: { tierId: Parameters<typeof getTier>[0] }) {
  const tier = getTier(tierId);
  if (tier.limits.apiCallsPerMonth === null)
    return <p className="mt-2">Enterprise limits, including model spend, are agreed in your contract.</p>;
  if (tier.atCap === "refuse") {
    return (
      <p className="mt-2">
        The {tier.name} tier stops at its quota: API calls answer 402 and new runs are refused until the next period or an upgrade, and a
        run stops when the month&apos;s model spend reaches {formatUsdAmount(tier.limits.includedModelSpendUsd ?? 0)}. Nothing is ever
        billed.
      </p>
    );
  }
  return (
    <p className="mt-2">
      Past the included quota, usage continues as overage up to {tier.overageCap}× the quota; model spend past the included amount is billed
      at ${MODEL_OVERAGE_PRICE_PER_USD.toFixed(2)} per $1 of model cost (when billing is on; otherwise runs stop at the included amount). At
      the cap the workspace pauses: API calls answer 423 and running runs stop, until the next period or an upgrade.
    </p>
  );
}

export const metadata = { title: "Usage" };

export default async function UsagePage({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace, ctx } = await loadWorkspace((await params).slug);
  const [usage, days, agents, keys] = await Promise.all([getUsage(ctx), dailyUsage(ctx), usageByAgent(ctx), usageByApiKey(ctx)]);
  const tier = getTier(workspace.tier);
  return (
    <>
      <PageHeader
        title="Usage"
        description={`${tier.name} tier · period ${usage.periodStart.slice(0, 10)} to ${usage.periodEnd.slice(0, 10)} (UTC)`}
      />
      <UsageMeters usage={usage} className="mt-6" />
      <div className="mt-8 grid gap-4 md:grid-cols-2">
        <UsageChart title="Model spend" unit="usd-micros" points={days.map((d) => ({ day: d.day, value: d.spendMicros }))} />
        <UsageChart title="API calls" unit="count" points={days.map((d) => ({ day: d.day, value: d.apiCalls }))} />
        <UsageChart title="Agent-minutes" unit="seconds-as-minutes" points={days.map((d) => ({ day: d.day, value: d.agentSeconds }))} />
        <UsageChart title="Tokens" unit="count" points={days.map((d) => ({ day: d.day, value: d.tokens }))} />
      </div>
      <section className="mt-8 max-w-2xl" data-testid="spend-limit">
        <h2 className="text-lg font-semibold">Spend limit</h2>
        <p className="mt-1 text-sm text-slate-600">
          {usage.modelSpend.limitUsd === null
            ? "No limit of your own: runs may spend up to the tier's cap this month."
            : `Runs stop once this month's model spend reaches ${formatUsdAmount(usage.modelSpend.limitUsd)}.`}{" "}
          Owners are alerted at 50%, 80% and 100%. Runs on the workspace&apos;s own Anthropic key (Settings) do not count against it.
        </p>
        {can(workspace.role, "spend:manage") ? (
          <SpendLimitForm
            slug={workspace.slug}
            limitUsd={usage.modelSpend.limitUsd}
            capUsd={usage.modelSpend.limitUsd === null ? usage.modelSpend.capUsd : null}
          />
        ) : (
          <p className="mt-2 text-sm text-slate-500">Owners can set it.</p>
        )}
      </section>
      <section className="mt-8">
        <h2 className="text-lg font-semibold">By agent</h2>
        <BreakdownTable label="Agent" rows={agents.map((a) => ({ ...a, name: a.agent }))} />
      </section>
      <section className="mt-8">
        <h2 className="text-lg font-semibold">By API key</h2>
        <BreakdownTable label="API key" rows={keys.map((k) => ({ ...k, name: k.key }))} />
      </section>
      <section className="mt-8 max-w-2xl rounded-xl border border-slate-200 bg-slate-50 p-5 text-sm text-slate-700">
        <h2 className="font-semibold text-slate-900">What happens at the limit</h2>
        <AtTheLimit tierId={workspace.tier} />
      </section>
    </>
  );
}
