// /w/:slug/keys — Keys let your programs call the AgentHQ API on behalf of this workspace.
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { loadWorkspace } from "../load-workspace";

export default async function APIkeysPage({ params }: { params: Promise<{ slug: string }> }) {
  await loadWorkspace((await params).slug);
  return (
    <>
      <PageHeader title="API keys" description="Keys let your programs call the AgentHQ API on behalf of this workspace." />
      <EmptyState title="No API keys yet">Key management arrives with the public API.</EmptyState>
    </>
  );
}
