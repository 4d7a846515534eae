// Model connections: OpenAI-compatible Chat Completions endpoints (Ollama, vLLM, LM Studio, OpenRouter,
// LiteLLM, OpenAI itself) a workspace's agents may use, each with its models and their prices (0 is
// allowed, for the customer's own hardware). The server may offer one to every workspace
// (OPENAI_BASE_URL, named "openai"). An agent names a model as "<connection>/<model>"; a bare name is
// a Claude model of config/models.ts.
import { z } from "zod";
import { env } from "@/config/env";
import { priceTable, type ModelPrice } from "@/config/models";
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { assertPublicUrl, EgressError } from "@/lib/egress/egress-fetch";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/members/permissions";
import { deleteSecret, putSecret, readSealedSecret, type SecretName } from "@/lib/secrets/workspace-secrets";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";

/** The name of the server-wide connection (OPENAI_BASE_URL); no workspace connection may take it. */
export const SERVER_CONNECTION = "openai";

const usdPerMillion = z.number().min(0).max(10_000);
const connectionModelSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._:/@-]{1,200}$/, "Use the model's name as the endpoint knows it."),
  inputUsdPerMillion: usdPerMillion,
  outputUsdPerMillion: usdPerMillion,
  /** Cached input, when the endpoint reports it; default: the input price. */
  cachedInputUsdPerMillion: usdPerMillion.optional(),
});
export type ConnectionModel = z.infer<typeof connectionModelSchema>;
const connectionModelsSchema = z.array(connectionModelSchema).min(1, "Add at least one model.").max(50);

export const connectionNameSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/, "Use 1–32 lowercase letters, digits and dashes.")
  .refine((n) => n !== SERVER_CONNECTION, `"${SERVER_CONNECTION}" is the server's own connection.`);

export const createConnectionSchema = z.strictObject({
  name: connectionNameSchema,
  baseUrl: z.url({ protocol: /^https?$/, error: "Give the endpoint's base URL, e.g. https://openrouter.ai/api/v1." }).max(2_000),
  /** Sent as a bearer token; stored encrypted, shown only by its last four characters. */
  apiKey: z
    .string()
    .trim()
    .min(1)
    .max(1_000)
    .regex(/^[\x21-\x7e]+$/, "A key has no spaces or special characters.")
    .optional(),
  models: connectionModelsSchema,
});
export type CreateConnectionInput = z.infer<typeof createConnectionSchema>;

export interface ConnectionView {
  name: string;
  baseUrl: string;
  models: ConnectionModel[];
  /** The key's last four characters; null when the connection has none. */
  keyLast4: string | null;
  createdAt: string;
}

/** The model a run's turns go to, with the price they are billed at. */
export interface ResolvedModel {
  kind: "anthropic" | "openai";
  /** The model's name at its endpoint. */
  model: string;
  price: ModelPrice;
  baseUrl?: string;
  /** Sealed API key of a workspace connection (opened only by the worker); null: it has none. */
  sealedKey?: string | null;
  /** "workspace": the customer's own connection pays the provider; "platform": AgentHQ's budget. */
  billedTo: "platform" | "workspace";
  /** The secret name the sealed key opens under; absent for the server's connection (OPENAI_API_KEY). */
  secretName?: SecretName;
}

const keySecret = (name: string): SecretName => `connection.${name}`;

function priceOf(model: ConnectionModel): ModelPrice {
  const cached = model.cachedInputUsdPerMillion ?? model.inputUsdPerMillion;
  return { input: model.inputUsdPerMillion, output: model.outputUsdPerMillion, cacheWrite: model.inputUsdPerMillion, cacheRead: cached };
}

/** The server-wide connection's models (OPENAI_MODELS). */
function serverModels(): ConnectionModel[] {
  if (!env.OPENAI_BASE_URL) return [];
  return Object.entries(env.OPENAI_MODELS).map(([name, p]) => ({
    name,
    inputUsdPerMillion: p.input,
    outputUsdPerMillion: p.output,
    cachedInputUsdPerMillion: p.cachedInput,
  }));
}

function toView(row: { name: string; baseUrl: string; models: unknown; createdAt: Date }, keyLast4: string | null): ConnectionView {
  return {
    name: row.name,
    baseUrl: row.baseUrl,
    models: row.models as ConnectionModel[],
    keyLast4,
    createdAt: row.createdAt.toISOString(),
  };
}

async function assertReachableAddress(baseUrl: string) {
  try {
    await assertPublicUrl(baseUrl);
  } catch (error) {
    if (error instanceof EgressError)
      throw new AppError("invalid_request", error.message, { fieldErrors: [{ path: "baseUrl", message: error.message }] });
    throw error;
  }
}

export async function listConnections(ctx: WorkspaceContext): Promise<ConnectionView[]> {
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const rows = await tx.modelConnection.findMany({ where: { workspaceId: ctx.workspaceId }, orderBy: { name: "asc" } });
    const keys = await tx.secret.findMany({
      where: { workspaceId: ctx.workspaceId, name: { startsWith: "connection." } },
      select: { name: true, last4: true },
    });
    return rows.map((row) => toView(row, keys.find((k) => k.name === keySecret(row.name))?.last4 ?? null));
  });
}

export async function createConnection(ctx: WorkspaceContext, input: CreateConnectionInput): Promise<ConnectionView> {
  assertCan(ctx.role, "secrets:manage");
  await assertReachableAddress(input.baseUrl);
  const taken = () => new AppError("conflict", `A connection named "${input.name}" exists. Remove it first, or choose another name.`);
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const row = await tx.modelConnection.create({
      data: {
        workspaceId: ctx.workspaceId,
        name: input.name,
        baseUrl: input.baseUrl.replace(/\/+$/, ""),
        models: input.models,
        createdById: ctx.actorId,
      },
    });
    const key = input.apiKey
      ? await putSecret(tx, { workspaceId: ctx.workspaceId, name: keySecret(input.name), value: input.apiKey, actorId: ctx.actorId })
      : null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.actorId,
      action: "model_connection.created",
      target: input.name,
      metadata: { baseUrl: row.baseUrl, models: input.models.map((m) => m.name) },
    });
    return toView(row, key?.last4 ?? null);
  }).catch((error: unknown) => {
    // The name is unique per workspace: a taken one (even taken a moment ago, concurrently) is a 409.
    throw isUniqueViolation(error) ? taken() : error;
  });
}

export async function deleteConnection(ctx: WorkspaceContext, name: string): Promise<void> {
  assertCan(ctx.role, "secrets:manage");
  await inWorkspace(ctx.workspaceId, async (tx) => {
    const { count } = await tx.modelConnection.deleteMany({ where: { workspaceId: ctx.workspaceId, name } });
    if (count === 0) throw new AppError("not_found", "No such model connection.");
    await deleteSecret(tx, ctx.workspaceId, keySecret(name));
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actorId, action: "model_connection.removed", target: name });
  });
}

/**
 * The model an agent names, as its runs will use it; null when the workspace has no such model. `null`
 * as the reference is the server's default Claude model.
 */
export async function resolveModel(tx: Tx, workspaceId: string, ref: string | null): Promise<ResolvedModel | null> {
  const name = ref ?? env.ANTHROPIC_MODEL;
  const slash = name.indexOf("/");
  if (slash === -1) return claudeModel(name);
  const [connection, model] = [name.slice(0, slash), name.slice(slash + 1)];
  if (connection === SERVER_CONNECTION) {
    const offered = serverModels().find((m) => m.name === model);
    return offered && env.OPENAI_BASE_URL
      ? { kind: "openai", model, price: priceOf(offered), baseUrl: env.OPENAI_BASE_URL, sealedKey: null, billedTo: "platform" }
      : null;
  }
  const row = await tx.modelConnection.findUnique({ where: { workspaceId_name: { workspaceId, name: connection } } });
  const offered = (row?.models as ConnectionModel[] | undefined)?.find((m) => m.name === model);
  if (!row || !offered) return null;
  const secretName = keySecret(connection);
  // The workspace's own endpoint: what it costs is between the customer and that provider.
  return {
    kind: "openai",
    model,
    price: priceOf(offered),
    baseUrl: row.baseUrl,
    sealedKey: await readSealedSecret(tx, workspaceId, secretName),
    billedTo: "workspace",
    secretName,
  };
}

/** A Claude model by name (null: the server's default), billed to the platform unless the workspace has its own key. */
export function claudeModel(name: string | null): ResolvedModel | null {
  const model = name ?? env.ANTHROPIC_MODEL;
  const price = priceTable(env.MODEL_PRICES)[model];
  return price ? { kind: "anthropic", model, price, billedTo: "platform" } : null;
}

/** Every model a workspace's agent may name (for the editor's picker), the server's default first. */
export async function availableModels(ctx: WorkspaceContext): Promise<string[]> {
  const connections = await listConnections(ctx);
  return [
    env.ANTHROPIC_MODEL,
    ...Object.keys(priceTable(env.MODEL_PRICES)).filter((m) => m !== env.ANTHROPIC_MODEL),
    ...serverModels().map((m) => `${SERVER_CONNECTION}/${m.name}`),
    ...connections.flatMap((c) => c.models.map((m) => `${c.name}/${m.name}`)),
  ];
}
