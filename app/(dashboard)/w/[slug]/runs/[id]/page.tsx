// /w/:slug/runs/:id — one run, made for debugging: its status, times, log, trace and output, updating
// live, with a curl command that starts the same run again. A run that does not exist is a 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/dashboard/page-header";
import { appUrl } from "@/config/env";
import { curlSnippet } from "@/lib/api/openapi/snippets";
import { AppError } from "@/lib/errors/app-error";
import { can } from "@/lib/members/permissions";
import { getRunDetail } from "@/lib/runs/read-runs";
import { loadWorkspace } from "../../load-workspace";
import { LiveRun } from "./live-run";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Run ${(await params).id}` };
}

export default async function RunPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { ctx } = await loadWorkspace(slug);
  const run = await getRunDetail(ctx, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const agentRef = run.agentVersion ? `${run.agent}@${run.agentVersion}` : run.agent;
  const reproduce = curlSnippet("createRun", {
    baseUrl: appUrl,
    body: { agent: agentRef, input: run.input, ...(run.maxCostUsd !== undefined && { maxCostUsd: run.maxCostUsd }) },
  });
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600">
        <Link href={`/w/${slug}/runs`} className="hover:underline">
          Runs
        </Link>{" "}
        / <span className="font-mono">{run.id}</span>
      </nav>
      <PageHeader title={`Run of ${agentRef}`} description={run.id} />
      <LiveRun slug={slug} initial={run} canCancel={can(ctx.role, "runs:write")} reproduce={reproduce} />
    </>
  );
}
