// /w/:slug/usage — this period's usage against the tier's limits, per day and per agent, and what
// happens at the limit.
import { DailyBarChart } from "@/components/dashboard/daily-bar-chart";
import { PageHeader } from "@/components/dashboard/page-header";
import { UsageMeters } from "@/components/dashboard/usage-meters";
import { getTier } from "@/config/tiers";
import { getUsage } from "@/lib/usage/get-usage";
import { dailyUsage, usageByAgent } from "@/lib/usage/usage-breakdown";
import { loadWorkspace } from "../load-workspace";
import { TableHead } from "@/components/ui/table-head";

export default async function UsagePage({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace } = await loadWorkspace((await params).slug);
  const [usage, days, agents] = await Promise.all([getUsage(workspace), dailyUsage(workspace.id), usageByAgent(workspace.id)]);
  const tier = getTier(workspace.tier);
  return (
    <>
      <PageHeader
        title="Usage"
        description={`${tier.name} tier · period ${usage.periodStart.slice(0, 10)} to ${usage.periodEnd.slice(0, 10)} (UTC)`}
      />
      <UsageMeters usage={usage} className="mt-6" />
      <div className="mt-8 grid gap-8 md:grid-cols-2">
        <DailyBarChart title="API calls" points={days.map((d) => ({ day: d.day, value: d.apiCalls }))} />
        <DailyBarChart title="Agent-seconds" points={days.map((d) => ({ day: d.day, value: d.agentSeconds }))} />
      </div>
      <section className="mt-8">
        <h2 className="text-lg font-semibold">By agent</h2>
        {agents.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No runs this period.</p>
        ) : (
          <table className="mt-2 w-full max-w-xl text-left text-sm">
            <TableHead columns={["Agent", "Runs", "Agent-seconds"]} />
            <tbody>
              {agents.map((a) => (
                <tr key={a.agent} className="border-b border-slate-100">
                  <td className="py-2 pr-4">{a.agent}</td>
                  <td className="py-2 pr-4">{a.runs}</td>
                  <td className="py-2">{a.agentSeconds}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="mt-8 max-w-2xl rounded-xl border border-slate-200 bg-slate-50 p-5 text-sm text-slate-700">
        <h2 className="font-semibold text-slate-900">What happens at the limit</h2>
        {workspace.tier === "free" ? (
          <p className="mt-2">The Free tier stops at its quota: API calls answer 402 and new runs are refused until the next period or an upgrade. Nothing is ever billed.</p>
        ) : workspace.tier === "enterprise" ? (
          <p className="mt-2">Enterprise limits are agreed in your contract.</p>
        ) : (
          <p className="mt-2">
            Past the included quota, usage continues as overage up to {tier.overageCap}× the quota. At that cap the workspace pauses: API
            calls answer 423 and running runs stop, until the next period or an upgrade.
          </p>
        )}
      </section>
    </>
  );
}
