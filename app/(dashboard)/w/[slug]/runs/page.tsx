// /w/:slug/runs — Every run of an agent in this workspace, newest first.
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { loadWorkspace } from "../load-workspace";

export default async function RunsPage({ params }: { params: Promise<{ slug: string }> }) {
  await loadWorkspace((await params).slug);
  return (
    <>
      <PageHeader title="Runs" description="Every run of an agent in this workspace, newest first." />
      <EmptyState title="No runs yet">Runs you start through the API appear here, live.</EmptyState>
    </>
  );
}
