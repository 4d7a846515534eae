// /w/:slug — the workspace overview: this period's usage, the latest runs, and for a new workspace a
// quickstart that ticks itself off: a key (made right here), a working curl and SDK snippet with this
// server's URL and the new key filled in, a first run, and that run finished.
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { RunStatusBadge } from "@/components/dashboard/run-status-badge";
import { UsageMeters } from "@/components/dashboard/usage-meters";
import { appUrl } from "@/config/env";
import { getTier } from "@/config/tiers";
import { listApiKeys } from "@/lib/api-keys/manage-keys";
import { curlSnippet, sdkSnippet } from "@/lib/api/openapi/snippets";
import { can } from "@/lib/members/permissions";
import { listRuns } from "@/lib/runs/read-runs";
import { getUsage } from "@/lib/usage/get-usage";
import { loadWorkspace } from "./load-workspace";
import { Quickstart } from "./quickstart";

const FIRST_RUN = { agent: "research", input: { question: "What are the trade-offs of row-level security for multi-tenant SaaS?" } };

export const metadata = { title: "Overview" };

export default async function WorkspaceOverview({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace, ctx } = await loadWorkspace((await params).slug);
  const tier = getTier(workspace.tier);
  const [usage, recent, keys] = await Promise.all([getUsage(ctx), listRuns(ctx, { limit: 5 }), listApiKeys(ctx)]);
  const facts = [
    { label: "Tier", value: tier.name },
    { label: "Your role", value: workspace.role },
    { label: "Status", value: workspace.status === "active" ? "Active" : "Paused" },
  ];
  const succeeded = recent.data.find((r) => r.status === "succeeded");
  const steps = { key: keys.some((k) => !k.revokedAt), run: recent.data.length > 0, finished: Boolean(succeeded) };
  // Once a run has succeeded the quickstart stays a while, all ticked: the moment it worked.
  // eslint-disable-next-line react-hooks/purity -- a server component: it renders once per request.
  const showQuickstart = !succeeded || Date.now() - new Date(succeeded.finishedAt ?? 0).getTime() < 15 * 60_000;
  // Filled with the key once it is made (the page shows it this once), else with $AGENTHQ_KEY.
  const snippets = (apiKey?: string) => ({
    curl: `${curlSnippet("createRun", { baseUrl: appUrl, apiKey, body: FIRST_RUN })}`,
    sdk: sdkSnippet("createRun", { baseUrl: appUrl, apiKey, body: FIRST_RUN })
      .replace("console.log(await agenthq.runs.create", "const run = await agenthq.runs.create")
      .replace(/\);$/, ");\nconsole.log(await agenthq.runs.wait(run.id));"),
  });
  return (
    <>
      <PageHeader title={workspace.name} description={`Workspace /${workspace.slug}`} />
      <dl className="mt-6 grid gap-4 sm:grid-cols-3">
        {facts.map((f) => (
          <div key={f.label} className="rounded-lg border border-slate-200 p-4">
            <dt className="text-xs uppercase tracking-wide text-slate-500">{f.label}</dt>
            <dd className="mt-1 text-lg font-semibold capitalize" data-testid={`fact-${f.label}`}>
              {f.value}
            </dd>
          </div>
        ))}
      </dl>
      {showQuickstart && (
        <Quickstart
          slug={workspace.slug}
          canCreateKey={can(ctx.role, "keys:create")}
          steps={steps}
          firstRun={
            succeeded
              ? {
                  id: succeeded.id,
                  seconds: Math.round((new Date(succeeded.finishedAt!).getTime() - new Date(succeeded.createdAt).getTime()) / 1000),
                }
              : undefined
          }
          placeholder={snippets()}
          template={snippets("__KEY__")}
        />
      )}
      <section className="mt-10">
        <h2 className="text-lg font-semibold">This period</h2>
        <UsageMeters usage={usage} className="mt-3" />
      </section>
      <section className="mt-10">
        <div className="flex items-baseline justify-between">
          <h2 className="text-lg font-semibold">Latest runs</h2>
          <Link href={`/w/${workspace.slug}/runs`} className="text-sm text-brand-700 underline">
            All runs
          </Link>
        </div>
        {recent.data.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No runs yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200" data-testid="recent-runs">
            {recent.data.map((run) => (
              <li key={run.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
                <Link href={`/w/${workspace.slug}/runs/${run.id}`} className="font-mono text-xs text-brand-700 underline">
                  {run.id}
                </Link>
                <span>{run.agent}</span>
                <RunStatusBadge status={run.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
