// /w/:slug/settings — rename the workspace (owners, admins); delete it (owners).
import { PageHeader } from "@/components/dashboard/page-header";
import { can } from "@/lib/members/permissions";
import { loadWorkspace } from "../load-workspace";
import { DeleteWorkspaceForm } from "./delete-workspace-form";
import { RenameWorkspaceForm } from "./rename-workspace-form";

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace } = await loadWorkspace((await params).slug);
  return (
    <>
      <PageHeader title="Settings" description="The workspace's name, and the danger zone." />
      <section className="mt-6 max-w-xl">
        <h2 className="text-lg font-semibold">Name</h2>
        {can(workspace.role, "workspace:update") ? (
          <RenameWorkspaceForm slug={workspace.slug} name={workspace.name} />
        ) : (
          <p className="mt-2 text-sm text-slate-600">{workspace.name} (owners and admins can rename it)</p>
        )}
        <p className="mt-2 text-sm text-slate-600">
          URL: <code className="font-mono">/w/{workspace.slug}</code>
        </p>
      </section>
      {can(workspace.role, "workspace:delete") && (
        <section className="mt-10 max-w-xl rounded-xl border border-red-200 p-5">
          <h2 className="text-lg font-semibold text-red-800">Delete this workspace</h2>
          <p className="mt-1 text-sm text-slate-700">
            Deletes the workspace with its members, API keys, runs and usage history. This cannot be undone.
          </p>
          <DeleteWorkspaceForm slug={workspace.slug} />
        </section>
      )}
    </>
  );
}
