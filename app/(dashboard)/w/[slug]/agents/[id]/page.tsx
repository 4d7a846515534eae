// /w/:slug/agents/:id — an agent: its editor (or, for a built-in, its definition), the playground that
// runs it on a sample input with the trace live, and its versions.
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/dashboard/page-header";
import { TableHead } from "@/components/ui/table-head";
import { exampleInput } from "@/lib/agents/input-schema";
import { BUILT_IN_TOOL_NAMES } from "@/lib/agents/tools";
import { getAgent, listAgentVersions } from "@/lib/agents/workspace-agents";
import { AppError } from "@/lib/errors/app-error";
import { can } from "@/lib/members/permissions";
import { availableModels } from "@/lib/models/model-connections";
import { loadWorkspace } from "../../load-workspace";
import { AgentEditor } from "../agent-editor";
import { CopyTemplateButton } from "../copy-template-button";
import { Playground } from "./playground";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Agent ${(await params).id}` };
}

export default async function AgentPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { ctx } = await loadWorkspace(slug);
  const agent = await getAgent(ctx, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const canWrite = can(ctx.role, "agents:write");
  const versions = agent.builtIn ? [] : await listAgentVersions(ctx, id);
  const ref = agent.builtIn ? agent.id : `${agent.id}@${agent.version}`;
  return (
    <>
      <nav className="mb-2 text-sm text-slate-600">
        <Link href={`/w/${slug}/agents`} className="hover:underline">
          Agents
        </Link>{" "}
        / {agent.id}
      </nav>
      <PageHeader
        title={agent.name}
        description={
          agent.builtIn
            ? "A built-in agent: run it as it is, or copy it into your agents to change it."
            : `Version ${agent.version}${agent.archived ? " · archived" : ""} · runs name it "${agent.id}" or "${agent.id}@<version>".`
        }
      />
      {can(ctx.role, "runs:write") && !agent.archived && (
        <section className="mt-6">
          <h2 className="text-lg font-semibold">Playground</h2>
          <p className="mt-1 text-sm text-slate-600">
            Runs <code className="font-mono">{ref}</code> on an input and shows each turn and tool call as it happens. Runs count like any
            other.
          </p>
          <Playground slug={slug} agentRef={ref} example={exampleInput(agent.inputSchema)} inputSchema={agent.inputSchema} />
        </section>
      )}
      {agent.builtIn || !canWrite || agent.archived ? (
        <section className="mt-10">
          <h2 className="text-lg font-semibold">Definition</h2>
          {agent.builtIn && canWrite && <CopyTemplateButton slug={slug} template={agent.id} />}
          <pre className="mt-3 max-h-[32rem] overflow-auto rounded-lg bg-slate-50 p-3 text-xs">
            {JSON.stringify(
              {
                instructions: agent.instructions,
                model: agent.model,
                tools: agent.tools,
                inputSchema: agent.inputSchema,
                limits: agent.limits,
              },
              null,
              2,
            )}
          </pre>
        </section>
      ) : (
        <section className="mt-10">
          <h2 className="text-lg font-semibold">Edit</h2>
          <AgentEditor slug={slug} agent={agent} models={await availableModels(ctx)} builtInTools={[...BUILT_IN_TOOL_NAMES]} />
        </section>
      )}
      {versions.length > 0 && (
        <section className="mt-10">
          <h2 className="text-lg font-semibold">Versions</h2>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[480px] text-left text-sm" data-testid="agent-versions">
              <TableHead columns={["Version", "Saved", "Model", "Tools"]} />
              <tbody>
                {versions.map((v) => (
                  <tr key={v.version} className="border-b border-slate-100">
                    <td className="py-2 pr-3 font-mono">
                      {agent.id}@{v.version}
                    </td>
                    <td className="py-2 pr-3">{new Date(v.createdAt).toLocaleString("en-US", { timeZone: "UTC" })} UTC</td>
                    <td className="py-2 pr-3 font-mono text-xs">{v.definition.model ?? "default"}</td>
                    <td className="py-2 font-mono text-xs">{v.definition.tools.map((t) => t.name).join(", ") || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
