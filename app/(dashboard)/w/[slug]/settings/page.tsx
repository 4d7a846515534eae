// /w/:slug/settings — rename the workspace (owners, admins); its own Anthropic key, model connections,
// the secrets agents' tools use, the tool signing secret, and deletion (owners).
import { PageHeader } from "@/components/dashboard/page-header";
import { can } from "@/lib/members/permissions";
import { listConnections } from "@/lib/models/model-connections";
import { listCustomSecrets } from "@/lib/secrets/custom-secrets";
import { providerKeyInfo } from "@/lib/spend/spend-settings";
import { loadWorkspace } from "../load-workspace";
import { DeleteWorkspaceForm } from "./delete-workspace-form";
import { ModelConnectionsForm } from "./model-connections-form";
import { ProviderKeyForm } from "./provider-key-form";
import { RenameWorkspaceForm } from "./rename-workspace-form";
import { SigningSecretPanel } from "./signing-secret-panel";
import { ToolSecretsForm } from "./tool-secrets-form";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace, ctx } = await loadWorkspace((await params).slug);
  const manageKey = can(workspace.role, "secrets:manage");
  const [key, connections, secrets] = manageKey
    ? await Promise.all([providerKeyInfo(ctx), listConnections(ctx), listCustomSecrets(ctx)])
    : [null, [], []];
  return (
    <>
      <PageHeader
        title="Settings"
        description="The workspace's name, its own model provider key and model connections, the secrets its tools use, and the danger zone."
      />
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
      {manageKey && (
        <>
          <section className="mt-10 max-w-3xl" data-testid="model-connections-section">
            <h2 className="text-lg font-semibold">Model connections</h2>
            <p className="mt-1 text-sm text-slate-600">
              Any OpenAI-compatible Chat Completions endpoint (Ollama, vLLM, LM Studio, OpenRouter, LiteLLM, OpenAI): agents then name its
              models as <code className="font-mono">name/model</code>. Its tokens are counted on every run at the prices you give; the
              provider bills you, not the tier&apos;s included model spend.
            </p>
            <ModelConnectionsForm slug={workspace.slug} connections={connections} />
          </section>
          <section className="mt-10 max-w-3xl">
            <h2 className="text-lg font-semibold">Secrets for tools</h2>
            <p className="mt-1 text-sm text-slate-600">
              Values that HTTP tools and MCP servers send in their headers, written in the agent editor as{" "}
              <code className="font-mono">secret:name</code>. Stored encrypted; only the last four characters are shown.
            </p>
            <ToolSecretsForm slug={workspace.slug} secrets={secrets} />
          </section>
          <section className="mt-10 max-w-3xl">
            <h2 className="text-lg font-semibold">Signing secret for HTTP tools</h2>
            <p className="mt-1 text-sm text-slate-600">
              Every HTTP tool request is signed to the Standard Webhooks spec (<code className="font-mono">webhook-id</code>,{" "}
              <code className="font-mono">webhook-timestamp</code>, <code className="font-mono">webhook-signature</code>): verify it with
              this secret and the <code className="font-mono">standardwebhooks</code> library. See the{" "}
              <a href="/docs/api#http-tools" className="text-brand-700 underline">
                docs
              </a>
              .
            </p>
            <SigningSecretPanel slug={workspace.slug} />
          </section>
        </>
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
