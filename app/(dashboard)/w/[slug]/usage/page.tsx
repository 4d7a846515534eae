// /w/:slug/usage — API calls and agent-minutes in the current billing period.
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { loadWorkspace } from "../load-workspace";

export default async function UsagePage({ params }: { params: Promise<{ slug: string }> }) {
  await loadWorkspace((await params).slug);
  return (
    <>
      <PageHeader title="Usage" description="API calls and agent-minutes in the current billing period." />
      <EmptyState title="No usage yet">Usage appears once programs call the API.</EmptyState>
    </>
  );
}
