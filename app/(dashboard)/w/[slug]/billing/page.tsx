// /w/:slug/billing — Your tier and subscription.
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { loadWorkspace } from "../load-workspace";

export default async function BillingPage({ params }: { params: Promise<{ slug: string }> }) {
  await loadWorkspace((await params).slug);
  return (
    <>
      <PageHeader title="Billing" description="Your tier and subscription." />
      <EmptyState title="Billing is not set up">Subscriptions through Stripe arrive with billing.</EmptyState>
    </>
  );
}
