// /w/:slug/members — Who can use this workspace, and with which role.
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { loadWorkspace } from "../load-workspace";

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  await loadWorkspace((await params).slug);
  return (
    <>
      <PageHeader title="Members" description="Who can use this workspace, and with which role." />
      <EmptyState title="Just you for now">Inviting teammates arrives with workspace roles.</EmptyState>
    </>
  );
}
