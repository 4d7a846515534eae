// /w/:slug/runs — runs newest first, filtered by status or agent, a page at a time, refreshed every few
// seconds (statuses change, new runs arrive from the API); and a form to start one.
import Link from "next/link";
import { AutoRefresh } from "@/components/dashboard/auto-refresh";
import { PageHeader } from "@/components/dashboard/page-header";
import { RunStatusBadge } from "@/components/dashboard/run-status-badge";
import { TableHead } from "@/components/ui/table-head";
import { Tooltip } from "@/components/ui/tooltip";
import { exampleInput } from "@/lib/agents/input-schema";
import { listAgents } from "@/lib/agents/workspace-agents";
import { can } from "@/lib/members/permissions";
import { listRunsForPage } from "@/lib/runs/read-runs";
import { durationBetween, timeAgo } from "@/lib/runs/run-durations";
import { listRunsQuerySchema, RUN_STATUSES } from "@/lib/runs/schemas";
import { formatUsdAmount } from "@/lib/spend/money";
import { loadWorkspace } from "../load-workspace";
import { StartRunForm } from "./start-run-form";

const COLUMNS = ["Run", "Agent", "Status", "Created", "Duration", "Origin", "Cost"];
/** A cell: labelled above its value on a phone, a plain table cell from sm up. */
const CELL =
  "block before:block before:text-xs before:text-slate-500 before:content-[attr(data-label)] sm:table-cell sm:py-2 sm:pr-4 sm:before:content-none";

function duration(startedAt?: string, finishedAt?: string): string {
  if (!startedAt) return "—";
  return `${durationBetween(startedAt, finishedAt ? new Date(finishedAt).getTime() : Date.now())}${finishedAt ? "" : " …"}`;
}

export const metadata = { title: "Runs" };

export default async function RunsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { workspace, ctx } = await loadWorkspace((await params).slug);
  const raw = await searchParams;
  const parsed = listRunsQuerySchema.safeParse({
    status: raw.status || undefined,
    agent: raw.agent || undefined,
    cursor: raw.cursor || undefined,
    limit: 20,
  });
  const query = parsed.success ? parsed.data : { limit: 20 };
  const [page, agents] = await Promise.all([listRunsForPage(ctx, query), listAgents(ctx)]);
  const base = `/w/${workspace.slug}/runs`;
  const filterLink = (extra: Record<string, string | undefined>) => {
    const search = new URLSearchParams(
      Object.entries({ status: query.status, agent: query.agent, ...extra }).filter((e): e is [string, string] => Boolean(e[1])),
    );
    return `${base}${search.size ? `?${search}` : ""}`;
  };
  const agentNames = new Map(agents.map((a) => [a.id, a.name]));
  return (
    <>
      {!query.cursor && <AutoRefresh intervalMs={4_000} />}
      <PageHeader title="Runs" description="Every run of an agent in this workspace, newest first." />
      {can(ctx.role, "runs:write") && (
        <details className="mt-6 rounded-xl border border-slate-200 p-4" open={page.data.length === 0}>
          <summary className="cursor-pointer font-semibold">Start a run</summary>
          <StartRunForm
            slug={workspace.slug}
            agents={agents.map((a) => ({
              id: a.id,
              name: a.name,
              description: a.description,
              example: exampleInput(a.inputSchema),
              inputSchema: a.inputSchema,
            }))}
          />
        </details>
      )}
      {page.cursorIgnored && (
        <p role="status" className="mt-6 text-sm text-slate-600">
          That page of runs is no longer available: showing the newest runs.
        </p>
      )}
      <nav aria-label="Filter runs" className="mt-6 flex flex-wrap gap-2 text-sm">
        {[undefined, ...RUN_STATUSES].map((status) => (
          <Link
            key={status ?? "all"}
            href={filterLink({ status, cursor: undefined })}
            aria-current={query.status === status ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${query.status === status ? "border-brand-600 bg-brand-50 font-semibold" : "border-slate-300"}`}
          >
            {status ?? "all"}
          </Link>
        ))}
      </nav>
      {page.data.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">No runs{query.status ? ` with status ${query.status}` : ""} yet.</p>
      ) : (
        <div className="mt-4">
          {/* On a phone each run is a stacked card (cells labelled by data-label); from sm up, a table. */}
          <table className="w-full text-left text-sm sm:min-w-[48rem]" data-testid="runs-table">
            <TableHead columns={COLUMNS} className="hidden sm:table-header-group" />
            <tbody className="block sm:table-row-group">
              {page.data.map((run) => (
                <tr key={run.id} className="grid grid-cols-2 gap-x-4 gap-y-2 border-b border-slate-100 py-3 sm:table-row sm:py-0">
                  <td data-label="Run" className={`${CELL} col-span-2 font-mono text-xs`}>
                    <Link href={`${base}/${run.id}`} className="break-all text-brand-700 underline">
                      {run.id}
                    </Link>
                  </td>
                  <td data-label="Agent" className={CELL}>
                    {agentNames.get(run.agent) ?? run.agent}
                    <span className="block font-mono text-xs text-slate-500">
                      {run.agent}
                      {run.agentVersion ? `@${run.agentVersion}` : ""}
                    </span>
                  </td>
                  <td data-label="Status" className={CELL}>
                    <RunStatusBadge status={run.status} />
                  </td>
                  <td data-label="Created" className={`${CELL} text-slate-600`}>
                    <Tooltip content={`${run.createdAt.replace("T", " ").slice(0, 19)} UTC`}>
                      <time dateTime={run.createdAt} tabIndex={0}>
                        {timeAgo(run.createdAt)}
                      </time>
                    </Tooltip>
                  </td>
                  <td data-label="Duration" className={`${CELL} tabular-nums`}>
                    {duration(run.startedAt, run.finishedAt)}
                  </td>
                  <td data-label="Origin" className={`${CELL} text-slate-600`}>
                    {page.origins[run.id]}
                  </td>
                  <td data-label="Cost" className={`${CELL} tabular-nums`}>
                    {formatUsdAmount(run.usage.costUsd)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor && (
        <Link href={filterLink({ cursor: page.nextCursor })} className="mt-4 inline-block text-sm text-brand-700 underline">
          Older runs
        </Link>
      )}
    </>
  );
}
