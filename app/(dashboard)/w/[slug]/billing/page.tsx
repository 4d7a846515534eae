// /w/:slug/billing — the workspace's tier and subscription (owners only).
import { EmptyState } from "@/components/dashboard/empty-state";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { getTier } from "@/config/tiers";
import { loadWorkspace, loadWorkspaceFor } from "../load-workspace";

export default async function BillingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const loaded = await loadWorkspaceFor(slug, "billing:read");
  if (!loaded) {
    const { workspace } = await loadWorkspace(slug);
    return <NoAccess title="Billing" role={workspace.role} who="Only owners can see and change billing." />;
  }
  return (
    <>
      <PageHeader title="Billing" description={`This workspace is on the ${getTier(loaded.workspace.tier).name} tier.`} />
      <EmptyState title="Billing is not set up">Subscriptions through Stripe arrive with billing.</EmptyState>
    </>
  );
}
