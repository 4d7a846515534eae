// /w/:slug — the workspace overview.
import Link from "next/link";
import { getTier } from "@/config/tiers";
import { PageHeader } from "@/components/dashboard/page-header";
import { formatLimit } from "@/components/marketing/format-limit";
import { AGENTS } from "@/lib/agents/catalog";
import { loadWorkspace } from "./load-workspace";

export default async function WorkspaceOverview({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace } = await loadWorkspace((await params).slug);
  const tier = getTier(workspace.tier);
  const facts = [
    { label: "Tier", value: tier.name },
    { label: "Your role", value: workspace.role },
    { label: "Status", value: workspace.status === "active" ? "Active" : "Paused" },
    { label: "Agent-minutes / month", value: formatLimit(tier.limits.agentMinutesPerMonth) },
  ];
  return (
    <>
      <PageHeader title={workspace.name} description={`Workspace /${workspace.slug}`} />
      <dl className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {facts.map((f) => (
          <div key={f.label} className="rounded-lg border border-slate-200 p-4">
            <dt className="text-xs uppercase tracking-wide text-slate-500">{f.label}</dt>
            <dd className="mt-1 text-lg font-semibold capitalize" data-testid={`fact-${f.label}`}>{f.value}</dd>
          </div>
        ))}
      </dl>
      <section className="mt-10">
        <h2 className="text-lg font-semibold">Get started</h2>
        <ol className="mt-3 list-decimal space-y-2 pl-6 text-sm text-slate-700">
          <li>
            Create an API key on the <Link className="text-brand-700 underline" href={`/w/${workspace.slug}/keys`}>API keys</Link> page.
          </li>
          <li>Start a run of one of the {AGENTS.length} agents with <code className="font-mono">POST /api/v1/runs</code>.</li>
          <li>
            Watch it on the <Link className="text-brand-700 underline" href={`/w/${workspace.slug}/runs`}>Runs</Link> page.
          </li>
        </ol>
      </section>
    </>
  );
}
