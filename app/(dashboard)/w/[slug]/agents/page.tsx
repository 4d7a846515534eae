// /w/:slug/agents — the built-in agents (templates to run or copy) and the workspace's own agents.
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { ButtonLink } from "@/components/ui/button-link";
import { listAgents } from "@/lib/agents/workspace-agents";
import { can } from "@/lib/members/permissions";
import { loadWorkspace } from "../load-workspace";
import { CopyTemplateButton } from "./copy-template-button";

export const metadata = { title: "Agents" };

export default async function AgentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace, ctx } = await loadWorkspace((await params).slug);
  const agents = await listAgents(ctx, { includeArchived: true });
  const canWrite = can(ctx.role, "agents:write");
  const own = agents.filter((a) => !a.builtIn);
  const base = `/w/${workspace.slug}/agents`;
  return (
    <>
      <PageHeader
        title="Agents"
        description="Your own agents: instructions, a model, tools that reach your systems (HTTP, MCP) and limits. Every saved change is a new version."
        actions={canWrite ? <ButtonLink href={`${base}/new`}>New agent</ButtonLink> : undefined}
      />
      <section className="mt-6">
        <h2 className="text-lg font-semibold">This workspace&apos;s agents</h2>
        {own.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            None yet.{" "}
            {canWrite ? "Create one, or copy a built-in agent below and change it." : "Members with editing rights can create them."}
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200" data-testid="own-agents">
            {own.map((agent) => (
              <li key={agent.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                <div className="min-w-0">
                  <Link href={`${base}/${agent.id}`} className="font-semibold text-brand-700 hover:underline">
                    {agent.name}
                  </Link>
                  <span className="ml-2 font-mono text-xs text-slate-500">
                    {agent.id}@{agent.version}
                  </span>
                  {agent.archived && <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">archived</span>}
                  <p className="mt-1 text-sm text-slate-600">{agent.description || "No description."}</p>
                </div>
                <p className="text-xs text-slate-500">
                  {agent.model} · {agent.tools.length} tool{agent.tools.length === 1 ? "" : "s"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="mt-10">
        <h2 className="text-lg font-semibold">Built-in agents</h2>
        <ul className="mt-3 grid gap-3 md:grid-cols-2">
          {agents
            .filter((a) => a.builtIn)
            .map((agent) => (
              <li key={agent.id} className="rounded-xl border border-slate-200 p-4">
                <Link href={`${base}/${agent.id}`} className="font-semibold text-brand-700 hover:underline">
                  {agent.name}
                </Link>
                <span className="ml-2 font-mono text-xs text-slate-500">{agent.id}</span>
                <p className="mt-1 text-sm text-slate-600">{agent.description}</p>
                {canWrite && <CopyTemplateButton slug={workspace.slug} template={agent.id} />}
              </li>
            ))}
        </ul>
      </section>
    </>
  );
}
