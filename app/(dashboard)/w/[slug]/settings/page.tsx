// /w/:slug/settings — rename the workspace (owners, admins); its own Anthropic key and deletion (owners).
import { PageHeader } from "@/components/dashboard/page-header";
import { can } from "@/lib/members/permissions";
import { providerKeyInfo } from "@/lib/spend/spend-settings";
import { loadWorkspace } from "../load-workspace";
import { DeleteWorkspaceForm } from "./delete-workspace-form";
import { ProviderKeyForm } from "./provider-key-form";
import { RenameWorkspaceForm } from "./rename-workspace-form";

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace } = await loadWorkspace((await params).slug);
  const manageKey = can(workspace.role, "secrets:manage");
  const key = manageKey ? await providerKeyInfo(workspace.id) : null;
  return (
    <>
      <PageHeader title="Settings" description="The workspace's name, its own model provider key, and the danger zone." />
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
      {manageKey && (
        <section className="mt-10 max-w-xl" data-testid="provider-key">
          <h2 className="text-lg font-semibold">Your own Anthropic key</h2>
          <p className="mt-1 text-sm text-slate-600">
            With your own key, runs bill your Anthropic account: they count agent-minutes and API calls but not the tier&apos;s included
            model spend, and their tokens and cost still show on each run. The key is stored encrypted and never shown again.
          </p>
          <ProviderKeyForm slug={workspace.slug} last4={key?.last4 ?? null} />
        </section>
      )}
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
