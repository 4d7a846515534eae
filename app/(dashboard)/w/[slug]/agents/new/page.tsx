// /w/:slug/agents/new — the editor for a new agent.
import Link from "next/link";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { BUILT_IN_TOOL_NAMES } from "@/lib/agents/tools";
import { can } from "@/lib/members/permissions";
import { availableModels } from "@/lib/models/model-connections";
import { loadWorkspace } from "../../load-workspace";
import { AgentEditor } from "../agent-editor";

export const metadata = { title: "New agent" };

export default async function NewAgentPage({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace, ctx } = await loadWorkspace((await params).slug);
  if (!can(ctx.role, "agents:write")) return <NoAccess title="New agent" role={ctx.role} who="Owners, admins and members create agents." />;
  return (
    <>
      <nav className="mb-2 text-sm text-slate-600">
        <Link href={`/w/${workspace.slug}/agents`} className="hover:underline">
          Agents
        </Link>{" "}
        / New
      </nav>
      <PageHeader
        title="New agent"
        description="Instructions, a model, tools and limits. You can run it from the playground once it is saved."
      />
      <AgentEditor slug={workspace.slug} models={await availableModels(ctx)} builtInTools={[...BUILT_IN_TOOL_NAMES]} />
    </>
  );
}
