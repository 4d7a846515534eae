// /w/:slug/settings — The workspace's name, slug and danger zone.
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { loadWorkspace } from "../load-workspace";

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  await loadWorkspace((await params).slug);
  return (
    <>
      <PageHeader title="Settings" description="The workspace's name, slug and danger zone." />
      <EmptyState title="Nothing to configure yet">Renaming and deleting workspaces arrive with workspace roles.</EmptyState>
    </>
  );
}
