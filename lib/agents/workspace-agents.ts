// A workspace's own agents: created, changed (each saved change is a new immutable version), archived
// and listed after the built-ins. Saving checks what a run would need: the model exists for this
// workspace, the limits fit its tier, every tool URL is a public address (unless private networks are
// allowed), and the input schema is valid JSON Schema.
import { isDeepStrictEqual } from "node:util";
import type { z } from "zod";
import { env } from "@/config/env";
import { getTier, type TierId } from "@/config/tiers";
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { assertPublicUrl, EgressError } from "@/lib/egress/egress-fetch";
import { AppError, type FieldError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, can } from "@/lib/members/permissions";
import { claudeModel, resolveModel, type ResolvedModel } from "@/lib/models/model-connections";
import { microsToUsd, usdToMicros } from "@/lib/spend/money";
import { slugify } from "@/lib/workspaces/slug";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import {
  agentDefinitionSchema,
  parseAgentRef,
  type AgentSpec,
  type CopyTemplateInput,
  type CreateAgentInput,
  type StoredAgentDefinition,
  type ToolDeclaration,
  type UpdateAgentInput,
} from "./agent-definition";
import type { agentVersionViewSchema, agentViewSchema } from "./agent-schemas";
import { AGENTS, findBuiltInAgent, templateDefinition } from "./catalog";

export type AgentView = z.infer<typeof agentViewSchema>;
export type AgentVersionView = z.infer<typeof agentVersionViewSchema>;

type AgentRow = {
  id: string;
  slug: string;
  name: string;
  latestVersion: number;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

function specOf(slug: string, version: number, definition: StoredAgentDefinition): AgentSpec {
  return {
    id: slug,
    version,
    builtIn: false,
    name: definition.name,
    description: definition.description,
    instructions: definition.instructions,
    model: definition.model,
    tools: definition.tools,
    inputSchema: definition.inputSchema,
    maxTurns: definition.limits.maxTurns,
    maxRuntimeSeconds: definition.limits.maxRuntimeSeconds,
    maxCostMicros: definition.limits.maxCostUsd === null ? null : usdToMicros(definition.limits.maxCostUsd),
  };
}

export function agentView(spec: AgentSpec, row?: AgentRow): AgentView {
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    builtIn: spec.builtIn,
    version: spec.version,
    model: spec.model ?? env.ANTHROPIC_MODEL,
    instructions: spec.instructions,
    tools: spec.tools,
    inputSchema: spec.inputSchema,
    limits: {
      maxTurns: spec.maxTurns,
      maxRuntimeSeconds: spec.maxRuntimeSeconds,
      maxCostUsd: spec.maxCostMicros === null ? null : microsToUsd(BigInt(spec.maxCostMicros)),
    },
    archived: Boolean(row?.archivedAt),
    ...(row && { createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() }),
  };
}

const invalid = (message: string, path: string) => new AppError("invalid_request", message, { fieldErrors: [{ path, message }] });

/** What a saved definition must satisfy beyond its shape: a model this workspace has, the tier's limits. */
async function assertRunnable(tx: Tx, workspace: { id: string; tier: TierId }, definition: StoredAgentDefinition) {
  if (!(await resolveModel(tx, workspace.id, definition.model))) {
    throw invalid(
      `The model "${definition.model}" is not available: use a Claude model, or add a model connection that offers it.`,
      "model",
    );
  }
  const tier = getTier(workspace.tier);
  const { maxTurns, maxRuntimeSeconds } = tier.runLimits;
  if (definition.limits.maxTurns > maxTurns)
    throw invalid(`The ${tier.name} tier allows at most ${maxTurns} turns a run.`, "limits.maxTurns");
  if (definition.limits.maxRuntimeSeconds > maxRuntimeSeconds) {
    throw invalid(`The ${tier.name} tier allows at most ${maxRuntimeSeconds} seconds a run.`, "limits.maxRuntimeSeconds");
  }
}

/**
 * Every tool URL must be a public address (unless private networks are allowed). Checked before any
 * transaction opens, in parallel and with a deadline: name lookups are slow when an attacker wants them to be.
 */
async function assertPublicToolUrls(tools: ToolDeclaration[]) {
  const checks = tools.map(async (tool, index): Promise<FieldError | null> => {
    if (tool.type === "builtin") return null;
    try {
      await assertPublicUrl(tool.url, { timeoutMs: 5_000 });
      return null;
    } catch (error) {
      if (!(error instanceof EgressError)) throw error;
      return { path: `tools.${index}.url`, message: error.message };
    }
  });
  const problems = (await Promise.all(checks)).filter((p): p is FieldError => p !== null);
  if (problems.length) throw new AppError("invalid_request", problems[0]!.message, { fieldErrors: problems });
}

/**
 * The tools that act with the workspace's credentials: HTTP tools (signed with its signing secret) and
 * any tool whose headers send a stored secret. Only those who manage secrets (owners) may add or change
 * them; anyone else could point one at their own server and receive the secret or a signature.
 */
function credentialedTools(tools: ToolDeclaration[]): ToolDeclaration[] {
  return tools.filter((t) => t.type === "http" || (t.type === "mcp" && Object.values(t.headers).some((v) => typeof v !== "string")));
}

function assertMayChangeCredentialedTools(ctx: WorkspaceContext, before: ToolDeclaration[], after: ToolDeclaration[]) {
  if (can(ctx.role, "secrets:manage") || isDeepStrictEqual(credentialedTools(before), credentialedTools(after))) return;
  throw new AppError(
    "forbidden",
    "Only owners add or change HTTP tools and tools that send the workspace's secrets: they act with its credentials.",
    {
      fieldErrors: [{ path: "tools", message: "Ask an owner to add or change this tool." }],
    },
  );
}

async function workspaceOf(tx: Tx, workspaceId: string) {
  return tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { id: true, tier: true } });
}

async function findRow(tx: Tx, workspaceId: string, id: string): Promise<AgentRow> {
  const row = await tx.agent.findUnique({ where: { workspaceId_slug: { workspaceId, slug: id } } });
  if (!row) throw new AppError("not_found", `No agent "${id}" in this workspace.`);
  return row;
}

async function latestDefinition(tx: Tx, row: AgentRow): Promise<StoredAgentDefinition> {
  const version = await tx.agentVersion.findUniqueOrThrow({ where: { agentId_version: { agentId: row.id, version: row.latestVersion } } });
  return version.definition as StoredAgentDefinition;
}

export async function createAgent(ctx: WorkspaceContext, input: CreateAgentInput): Promise<AgentView> {
  assertCan(ctx.role, "agents:write");
  const { id: wantedId, ...definition } = input;
  const id = wantedId ?? (slugify(definition.name).slice(0, 48).replace(/-+$/, "") || "agent");
  if (findBuiltInAgent(id)) throw invalid(`"${id}" is a built-in agent's id. Choose another id.`, "id");
  assertMayChangeCredentialedTools(ctx, [], definition.tools);
  await assertPublicToolUrls(definition.tools);
  try {
    return await inWorkspace(ctx.workspaceId, async (tx) => {
      await assertRunnable(tx, await workspaceOf(tx, ctx.workspaceId), definition);
      const row = await tx.agent.create({
        data: { workspaceId: ctx.workspaceId, slug: id, name: definition.name, latestVersion: 1, createdById: ctx.actorId },
      });
      await tx.agentVersion.create({
        data: {
          workspaceId: ctx.workspaceId,
          agentId: row.id,
          version: 1,
          definition: definition as Prisma.InputJsonValue,
          createdById: ctx.actorId,
        },
      });
      await recordAudit(tx, {
        workspaceId: ctx.workspaceId,
        actorId: ctx.actorId,
        action: "agent.created",
        target: id,
        metadata: { version: 1 },
      });
      return agentView(specOf(id, 1, definition), row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "conflict",
        `This workspace already has an agent (perhaps archived) with the id "${id}" or the name "${definition.name}". Choose another.`,
      );
    }
    throw error;
  }
}

/** A built-in agent copied into the workspace as version 1 of an agent of its own. */
export function fromTemplate(input: CopyTemplateInput): CreateAgentInput {
  const template = findBuiltInAgent(input.template);
  if (!template) throw invalid(`There is no built-in agent "${input.template}".`, "template");
  return {
    ...agentDefinitionSchema.parse({ ...templateDefinition(template), name: input.name ?? `${template.name} (copy)` }),
    id: input.id,
  };
}

export async function updateAgent(ctx: WorkspaceContext, id: string, change: UpdateAgentInput): Promise<AgentView> {
  assertCan(ctx.role, "agents:write");
  // Only the tools of the change can bring new addresses.
  if (change.tools) await assertPublicToolUrls(change.tools);
  try {
    return await inWorkspace(ctx.workspaceId, async (tx) => {
      // Lock the agent so two concurrent saves make versions n+1 and n+2, not two n+1.
      const [locked] = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "Agent" WHERE "workspaceId" = ${ctx.workspaceId} AND slug = ${id} FOR UPDATE`;
      if (!locked) throw new AppError("not_found", `No agent "${id}" in this workspace.`);
      const row = await findRow(tx, ctx.workspaceId, id);
      if (row.archivedAt) throw new AppError("conflict", `The agent "${id}" is archived.`);
      const current = await latestDefinition(tx, row);
      const next = agentDefinitionSchema.parse({ ...current, ...change, limits: { ...current.limits, ...change.limits } });
      // JSONB keeps keys in its own order: compare values, not text.
      if (isDeepStrictEqual(next, current)) return agentView(specOf(id, row.latestVersion, current), row);
      assertMayChangeCredentialedTools(ctx, current.tools, next.tools);
      await assertRunnable(tx, await workspaceOf(tx, ctx.workspaceId), next);
      const version = row.latestVersion + 1;
      await tx.agentVersion.create({
        data: {
          workspaceId: ctx.workspaceId,
          agentId: row.id,
          version,
          definition: next as Prisma.InputJsonValue,
          createdById: ctx.actorId,
        },
      });
      const updated = await tx.agent.update({ where: { id: row.id }, data: { latestVersion: version, name: next.name } });
      await recordAudit(tx, {
        workspaceId: ctx.workspaceId,
        actorId: ctx.actorId,
        action: "agent.updated",
        target: id,
        metadata: { version, fields: Object.keys(change) },
      });
      return agentView(specOf(id, version, next), updated);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `This workspace already has an agent named "${change.name}".`);
    throw error;
  }
}

export async function archiveAgent(ctx: WorkspaceContext, id: string): Promise<AgentView> {
  assertCan(ctx.role, "agents:write");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const row = await findRow(tx, ctx.workspaceId, id);
    const archived = row.archivedAt ? row : await tx.agent.update({ where: { id: row.id }, data: { archivedAt: new Date() } });
    if (!row.archivedAt)
      await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actorId, action: "agent.archived", target: id });
    return agentView(specOf(id, row.latestVersion, await latestDefinition(tx, row)), archived);
  });
}

/** The built-in agents, then the workspace's own (latest versions; archived ones only when asked). */
export async function listAgents(ctx: WorkspaceContext, options: { includeArchived?: boolean } = {}): Promise<AgentView[]> {
  const { workspaceId } = ctx;
  const own = await inWorkspace(workspaceId, async (tx) => {
    const rows = await tx.agent.findMany({
      where: { workspaceId, ...(!options.includeArchived && { archivedAt: null }) },
      orderBy: { createdAt: "asc" },
      take: 500,
    });
    const versions = await tx.agentVersion.findMany({
      where: { workspaceId, OR: rows.map((r) => ({ agentId: r.id, version: r.latestVersion })) },
    });
    return rows.map((row) => {
      const definition = versions.find((v) => v.agentId === row.id)!.definition as StoredAgentDefinition;
      return agentView(specOf(row.slug, row.latestVersion, definition), row);
    });
  });
  return [...AGENTS.map((spec) => agentView(spec)), ...own];
}

export async function getAgent(ctx: WorkspaceContext, id: string): Promise<AgentView> {
  const { workspaceId } = ctx;
  const builtIn = findBuiltInAgent(id);
  if (builtIn) return agentView(builtIn);
  return inWorkspace(workspaceId, async (tx) => {
    const row = await findRow(tx, workspaceId, id);
    return agentView(specOf(id, row.latestVersion, await latestDefinition(tx, row)), row);
  });
}

export async function listAgentVersions(ctx: WorkspaceContext, id: string): Promise<AgentVersionView[]> {
  const { workspaceId } = ctx;
  return inWorkspace(workspaceId, async (tx) => {
    const row = await findRow(tx, workspaceId, id);
    const versions = await tx.agentVersion.findMany({ where: { workspaceId, agentId: row.id }, orderBy: { version: "desc" }, take: 200 });
    return versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt.toISOString(),
      createdById: v.createdById,
      definition: v.definition as StoredAgentDefinition,
    }));
  });
}

/**
 * The agent a run names: a built-in id, a workspace agent's id (its latest version) or "<id>@<version>".
 * Null when there is none (or it is archived); the caller answers 400.
 */
export async function resolveAgent(tx: Tx, workspaceId: string, ref: string): Promise<AgentSpec | null> {
  const builtIn = findBuiltInAgent(ref);
  if (builtIn) return builtIn;
  const parsed = parseAgentRef(ref);
  if (!parsed) return null;
  const row = await tx.agent.findUnique({ where: { workspaceId_slug: { workspaceId, slug: parsed.id } } });
  if (!row || row.archivedAt) return null;
  const version = parsed.version ?? row.latestVersion;
  const saved = await tx.agentVersion.findUnique({ where: { agentId_version: { agentId: row.id, version } } });
  return saved && specOf(row.slug, version, saved.definition as StoredAgentDefinition);
}

/** The agent a run asks for and the model it would use (null when either is unknown). */
export async function agentForNewRun(workspaceId: string, ref: string): Promise<{ agent: AgentSpec; model: ResolvedModel | null } | null> {
  const builtIn = findBuiltInAgent(ref);
  if (builtIn) return { agent: builtIn, model: claudeModel(builtIn.model) };
  if (!parseAgentRef(ref)) return null;
  return inWorkspace(workspaceId, async (tx) => {
    const agent = await resolveAgent(tx, workspaceId, ref);
    return agent && { agent, model: await resolveModel(tx, workspaceId, agent.model) };
  });
}

/** The version a run recorded, for its worker (archiving an agent does not stop its queued runs). */
export async function agentForRun(
  tx: Tx,
  workspaceId: string,
  run: { agent: string; agentVersion: number | null },
): Promise<AgentSpec | null> {
  if (run.agentVersion === null) return findBuiltInAgent(run.agent) ?? null;
  const row = await tx.agent.findUnique({ where: { workspaceId_slug: { workspaceId, slug: run.agent } } });
  const saved = row && (await tx.agentVersion.findUnique({ where: { agentId_version: { agentId: row.id, version: run.agentVersion } } }));
  return saved ? specOf(run.agent, run.agentVersion, saved.definition as StoredAgentDefinition) : null;
}
