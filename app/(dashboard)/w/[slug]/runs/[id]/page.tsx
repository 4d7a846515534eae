// /w/:slug/runs/:id — one run, with its status, log and output updating live.
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { can } from "@/lib/members/permissions";
import { getRunDetail } from "@/lib/runs/read-runs";
import { loadWorkspace } from "../../load-workspace";
import { LiveRun } from "./live-run";

export default async function RunPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { workspace, ctx } = await loadWorkspace(slug);
  const run = await getRunDetail(workspace.id, id).catch(() => null);
  if (!run) {
    return (
      <>
        <PageHeader title="Run not found" />
        <p className="mt-4 text-sm"><Link href={`/w/${slug}/runs`} className="text-brand-700 underline">All runs</Link></p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Run of ${run.agent}`} description={run.id} />
      <LiveRun slug={slug} initial={run} canCancel={can(ctx.role, "runs:write")} />
    </>
  );
}
