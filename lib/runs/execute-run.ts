// Executing one run on a worker: claim it, load the agent version it recorded, open its tools, run the
// agent loop with every model turn reserved and settled against the workspace's model budget
// (lib/spend), meter agent-seconds as it goes (every few seconds, so a worker that dies leaves its
// seconds counted once), stop it on cancel, timeout or when the workspace reaches a cap, and record the
// outcome. Never throws: every end is a final status.
import { env } from "@/config/env";
import { getTier, type TierId } from "@/config/tiers";
import type { AgentSpec } from "@/lib/agents/agent-definition";
import { runAgentLoop, type ToolCallRecord } from "@/lib/agents/agent-loop";
import type { ModelProvider } from "@/lib/agents/model-types";
import { connectionProvider, modelProvider, providerForOwnKey } from "@/lib/agents/providers/model-provider";
import { openToolbox, type Toolbox } from "@/lib/agents/toolbox";
import { agentForRun } from "@/lib/agents/workspace-agents";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { describeError, logger } from "@/lib/log/logger";
import { resolveModel, type ResolvedModel } from "@/lib/models/model-connections";
import type { RunJob } from "@/lib/queue/run-queue";
import { CUSTOM_PREFIX, customSecretName } from "@/lib/secrets/custom-secrets";
import { openSealedSecret, readSealedSecret, readSealedSecrets } from "@/lib/secrets/workspace-secrets";
import { meteredProvider } from "@/lib/spend/metered-provider";
import { releaseSpend, runKeyPrefix } from "@/lib/spend/spend-ledger";
import { SPEND_WORKSPACE_FIELDS, spendPolicy, type SpendPolicy } from "@/lib/spend/spend-policy";
import { PROVIDER_KEY } from "@/lib/spend/spend-settings";
import { ensureSigningSecret } from "@/lib/tools/signing-secret";
import { pauseForQuota } from "@/lib/usage/pause-workspace";
import { usageCap } from "@/lib/usage/quota";
import { recordUsage } from "@/lib/usage/record-usage";
import { checkUsageAlerts } from "@/lib/usage/usage-alerts";
import { emitRunFinished } from "@/lib/webhooks/run-webhook-events";
import { appendRunEvent, insertRunEvent } from "./run-events";
import { describeOutcome, outcomeOfFailure, type RunOutcome, type StopReason } from "./run-outcome";

/** Agent-seconds are metered in slices of this length while a run is running. */
export const METER_SLICE_SECONDS = 5;
const CHECK_INTERVAL_MS = 500;
/** A tool's answer as kept in the trace (the model saw up to its tool's own cap). */
const TRACE_RESULT_CHARS = 4_000;

interface ClaimedRun {
  id: string;
  agent: string;
  agentVersion: number | null;
  input: Prisma.JsonValue;
  attempt: number;
  agentSeconds: number;
  maxCostMicros: bigint | null;
  costMicros: bigint;
}

/** What a run needs to start, read in the transaction that claims it. */
interface RunSetup {
  agent: AgentSpec | null;
  model: ResolvedModel | null;
  sealedProviderKey: string | null;
  sealedSecrets: Map<string, string>;
  signingSecret: string | null;
  /** Why the run cannot start on this server (a stored secret it cannot open); null when it can. */
  setupError: string | null;
}

const UNREADABLE_SECRET = "A secret this workspace stored could not be read on this server. An administrator must check SECRETS_KEY.";

/** The workspace's signing secret, or null with the reason when this server cannot open it. */
async function signingSecretOf(tx: Tx, workspaceId: string): Promise<{ secret: string | null; error: string | null }> {
  try {
    return { secret: await ensureSigningSecret(tx, workspaceId, null), error: null };
  } catch (error) {
    logger.error("could not open the tool signing secret", { workspaceId, ...describeError(error) });
    return { secret: null, error: UNREADABLE_SECRET };
  }
}

async function loadSetup(tx: Tx, workspaceId: string, run: ClaimedRun): Promise<RunSetup> {
  const agent = await agentForRun(tx, workspaceId, run);
  const model = agent && (await resolveModel(tx, workspaceId, agent.model));
  const reachesOut = agent?.tools.some((t) => t.type !== "builtin") ?? false;
  const signing = agent?.tools.some((t) => t.type === "http") ? await signingSecretOf(tx, workspaceId) : { secret: null, error: null };
  return {
    agent,
    model,
    sealedProviderKey: model?.kind === "anthropic" ? await readSealedSecret(tx, workspaceId, PROVIDER_KEY) : null,
    sealedSecrets: reachesOut ? await readSealedSecrets(tx, workspaceId, CUSTOM_PREFIX) : new Map(),
    signingSecret: signing.secret,
    setupError: signing.error,
  };
}

async function claim(job: RunJob) {
  const claimed = await inWorkspace(job.workspaceId, async (tx) => {
    const [run] = await tx.$queryRaw<ClaimedRun[]>`
      UPDATE "Run" SET status = 'running', attempt = attempt + 1, "startedAt" = COALESCE("startedAt", now())
       WHERE id = ${job.runId} AND "workspaceId" = ${job.workspaceId} AND status IN ('queued', 'running') AND "cancelRequestedAt" IS NULL
       RETURNING id, agent, "agentVersion", input, attempt, "agentSeconds", "maxCostMicros", "costMicros"`;
    if (!run) return null;
    const workspace = await tx.workspace.findUniqueOrThrow({
      where: { id: job.workspaceId },
      select: { ...SPEND_WORKSPACE_FIELDS, status: true },
    });
    return { run, workspace, setup: await loadSetup(tx, job.workspaceId, run) };
  });
  // A retried run's earlier attempt died mid-turn: its open reservations hold budget no one will settle.
  if (claimed && claimed.run.attempt > 1) await releaseSpend(job.workspaceId, runKeyPrefix(job.runId));
  return claimed;
}

export interface RunProviders {
  /** The platform's provider of the server's default model (others are made per model). */
  platform: ModelProvider;
  /** A provider on the workspace's own Anthropic key. */
  forOwnKey: (apiKey: string, model: string) => ModelProvider;
}

/** The run's provider, metered: its model connection, the workspace's own key, or the platform's. */
function runProvider(
  job: RunJob,
  run: ClaimedRun,
  setup: RunSetup & { model: ResolvedModel; agent: AgentSpec },
  policy: SpendPolicy,
  providers: RunProviders,
) {
  const { model } = setup;
  let base: ModelProvider;
  let billedTo: "platform" | "workspace" = model.billedTo;
  if (model.kind === "openai") {
    // A workspace connection's own key, or for the server's connection its OPENAI_API_KEY.
    const apiKey = !model.secretName
      ? env.OPENAI_API_KEY
      : model.sealedKey
        ? openSealedSecret(model.sealedKey, job.workspaceId, model.secretName)
        : undefined;
    base = connectionProvider({
      baseURL: model.baseUrl!,
      apiKey,
      model: model.model,
      price: model.price,
      operatorOwned: !model.secretName,
    });
  } else if (setup.sealedProviderKey) {
    base = providers.forOwnKey(openSealedSecret(setup.sealedProviderKey, job.workspaceId, PROVIDER_KEY), model.model);
    billedTo = "workspace";
  } else {
    base = providers.platform.model === model.model ? providers.platform : modelProvider(model.model);
  }
  const provider = meteredProvider(base, {
    workspaceId: job.workspaceId,
    policy,
    runId: run.id,
    attempt: run.attempt,
    billedTo,
    // The lower of the request's and the agent's limits, fixed when the run was created.
    runLimitMicros: run.maxCostMicros === null ? null : Number(run.maxCostMicros),
    runSpentMicros: Number(run.costMicros),
  });
  return { provider, billedTo };
}

/** Meters one slice of agent-seconds; false when the workspace's cap refused it (the seconds still count). */
async function meterSlice(job: RunJob, tier: TierId, key: string, seconds: number): Promise<boolean> {
  const base = { workspaceId: job.workspaceId, metric: "agent_seconds" as const, quantity: seconds, idempotencyKey: key };
  const result = await recordUsage({ ...base, cap: usageCap(tier, "agent_seconds") });
  if (result.admitted) {
    await checkUsageAlerts({ id: job.workspaceId, tier }, "agent_seconds", result.used);
    return true;
  }
  // A running run is stopped at the cap, but the seconds it already used are billed.
  await recordUsage({ ...base, cap: null });
  return false;
}

async function finish(job: RunJob, status: RunStatus, fields: { output?: Prisma.InputJsonValue; error?: string }) {
  await inWorkspace(job.workspaceId, async (tx) => {
    // The run's agent-seconds are what the ledger holds for it, across attempts (a retried run's first
    // attempt was billed up to its worker's last metering slice).
    const [metered] = await tx.$queryRaw<{ seconds: bigint | null }[]>`
      SELECT sum(quantity) AS seconds FROM "UsageEvent"
       WHERE "workspaceId" = ${job.workspaceId} AND metric = 'agent_seconds' AND "idempotencyKey" LIKE ${`run:${job.runId}:%`}`;
    const ended = await tx.run.updateMany({
      where: { id: job.runId, workspaceId: job.workspaceId, status: "running" },
      data: { status, output: fields.output, error: fields.error, finishedAt: new Date(), agentSeconds: Number(metered?.seconds ?? 0) },
    });
    if (ended.count === 1) await emitRunFinished(tx, job.workspaceId, job.runId, status);
  });
  if (fields.output !== undefined) await appendRunEvent(job.workspaceId, job.runId, "output", fields.output);
  await appendRunEvent(job.workspaceId, job.runId, "status", { status, ...(fields.error && { error: fields.error }) });
  await appendRunEvent(job.workspaceId, job.runId, "done", { status });
}

/** Writes one tool call to the run's trace (its RunToolCall row and its `tool` event). */
export async function recordToolCall(job: RunJob, attempt: number, call: ToolCallRecord) {
  const result = call.content.slice(0, TRACE_RESULT_CHARS);
  const args = (call.input ?? {}) as Prisma.InputJsonValue;
  // One transaction for the row and its event: one commit per tool call, not two.
  await inWorkspace(job.workspaceId, async (tx) => {
    await tx.runToolCall.create({
      data: {
        workspaceId: job.workspaceId,
        runId: job.runId,
        attempt,
        turn: call.turn,
        callId: call.callId.slice(0, 200),
        tool: call.name,
        arguments: args,
        result,
        isError: call.isError,
        durationMs: call.durationMs,
      },
    });
    await insertRunEvent(tx, job.workspaceId, job.runId, "tool", {
      turn: call.turn,
      tool: call.name,
      arguments: args,
      result: result.slice(0, 1_000),
      isError: call.isError,
      durationMs: call.durationMs,
    });
  });
}

/** The opened secrets a run's tools refer to, by the name the customer gave them. */
function secretReader(workspaceId: string, sealed: Map<string, string>) {
  return (name: string) => {
    const value = sealed.get(customSecretName(name));
    if (value === undefined) throw new Error(`The workspace has no secret named "${name}". Add it in Settings.`);
    return openSealedSecret(value, workspaceId, customSecretName(name));
  };
}

export async function executeRun(
  job: RunJob,
  platform: ModelProvider = modelProvider(),
  forOwnKey: RunProviders["forOwnKey"] = providerForOwnKey,
): Promise<void> {
  const claimed = await claim(job);
  if (!claimed) return; // canceled, or already finished
  const { run, workspace, setup } = claimed;
  const { agent, model } = setup;
  if (!agent) return finish(job, "failed", { error: `Unknown agent ${run.agent}${run.agentVersion ? `@${run.agentVersion}` : ""}.` });
  if (!model)
    return finish(job, "failed", {
      error: `The model "${agent.model ?? "default"}" of the ${agent.id} agent is no longer available in this workspace.`,
    });
  const policy = spendPolicy(workspace);
  const setupFailed = (message: string) =>
    finish(job, "failed", { error: describeOutcome({ kind: "setup_error", message }, agent.id).error });
  if (setup.setupError) return setupFailed(setup.setupError);
  let metered: ReturnType<typeof runProvider>;
  try {
    metered = runProvider(job, run, { ...setup, agent, model }, policy, { platform, forOwnKey });
  } catch (error) {
    // Not the run's fault and not a dead worker: a stored key this server cannot open (SECRETS_KEY).
    logger.error("could not prepare the run's model provider", { runId: run.id, ...describeError(error) });
    return setupFailed(UNREADABLE_SECRET);
  }
  const { provider, billedTo } = metered;
  const tierLimits = getTier(workspace.tier).runLimits;
  const limited = {
    ...agent,
    maxTurns: Math.min(agent.maxTurns, tierLimits.maxTurns),
    maxRuntimeSeconds: Math.min(agent.maxRuntimeSeconds, tierLimits.maxRuntimeSeconds),
  };
  const started = Date.now();
  const elapsedSeconds = () => Math.ceil((Date.now() - started) / 1000);
  let meteredSeconds = 0;
  let slice = 0;
  const controller = new AbortController();
  let stopReason: StopReason | undefined;
  const stop = (reason: StopReason) => {
    stopReason ??= reason;
    controller.abort(new Error(reason));
  };

  await inWorkspace(job.workspaceId, (tx) =>
    tx.run.updateMany({ where: { id: run.id, workspaceId: job.workspaceId }, data: { provider: provider.name } }),
  );
  await appendRunEvent(job.workspaceId, run.id, "status", {
    status: "running",
    attempt: run.attempt,
    provider: provider.name,
    model: provider.model,
  });

  // Watchdog: cancel requests, the runtime limit, and metering slices, checked twice a second.
  let checking = false;
  const watchdog = setInterval(async () => {
    if (checking) return;
    checking = true;
    try {
      if (Date.now() - started > limited.maxRuntimeSeconds * 1000) stop("timeout");
      const cancel = await inWorkspace(job.workspaceId, (tx) =>
        tx.run.findUnique({ where: { id: run.id, workspaceId: job.workspaceId }, select: { cancelRequestedAt: true } }),
      );
      if (cancel?.cancelRequestedAt) stop("canceled");
      while (elapsedSeconds() - meteredSeconds >= METER_SLICE_SECONDS) {
        slice++;
        meteredSeconds += METER_SLICE_SECONDS;
        const admitted = await meterSlice(job, workspace.tier, `run:${run.id}:a${run.attempt}:s${slice}`, METER_SLICE_SECONDS);
        if (!admitted) stop("agent_minutes_cap");
      }
    } catch (error) {
      logger.warn("run watchdog check failed", { runId: run.id, ...describeError(error) });
    } finally {
      checking = false;
    }
  }, CHECK_INTERVAL_MS);

  let outcome: RunOutcome;
  let toolbox: Toolbox | undefined;
  try {
    toolbox = await openToolbox(agent.tools, {
      signingSecret: setup.signingSecret,
      secretValue: secretReader(job.workspaceId, setup.sealedSecrets),
      signal: controller.signal,
      callIdPrefix: `tool_${run.id}_a${run.attempt}`,
    });
    for (const warning of toolbox.warnings) await appendRunEvent(job.workspaceId, run.id, "log", { message: warning, level: "warn" });
    outcome = await runAgentLoop({
      agent: limited,
      input: run.input,
      provider,
      toolbox,
      signal: controller.signal,
      log: (message, detail) => appendRunEvent(job.workspaceId, run.id, "log", { message, ...detail }),
      onToolCall: (call) => recordToolCall(job, run.attempt, call),
    });
  } catch (failure) {
    outcome = outcomeOfFailure(failure, stopReason, {
      maxRuntimeSeconds: limited.maxRuntimeSeconds,
      ownKey: billedTo === "workspace",
      provider: provider.name,
    });
    if (outcome.kind === "unexpected") logger.error("run failed", { runId: run.id, ...describeError(failure) });
  } finally {
    clearInterval(watchdog);
    await toolbox?.close();
    while (checking) await new Promise((r) => setTimeout(r, 20));
  }

  const remainder = Math.max(0, elapsedSeconds() - meteredSeconds);
  if (remainder > 0) await meterSlice(job, workspace.tier, `run:${run.id}:a${run.attempt}:final`, remainder);
  if (outcome.kind === "agent_minutes_cap" && getTier(workspace.tier).atCap === "pause")
    await pauseForQuota(job.workspaceId, "agent_seconds");
  if (outcome.kind === "budget" && outcome.stop.kind === "workspace_budget" && policy.atCap === "pause")
    await pauseForQuota(job.workspaceId, "model_spend");
  const ended = describeOutcome(outcome, agent.id);
  await finish(job, ended.status, { error: ended.error, ...(ended.output && { output: { ...ended.output, provider: provider.name } }) });
}

/** A run whose worker died on its last attempt: the queue gave up on it, so it is failed here. */
export async function failLostRun(job: RunJob): Promise<void> {
  const updated = await inWorkspace(job.workspaceId, async (tx) => {
    const failed = await tx.run.updateMany({
      where: { id: job.runId, workspaceId: job.workspaceId, status: { in: ["queued", "running"] } },
      data: {
        status: "failed",
        error: "The worker running this run stopped before it finished, twice. Start the run again.",
        finishedAt: new Date(),
      },
    });
    if (failed.count === 1) await emitRunFinished(tx, job.workspaceId, job.runId, "failed");
    return failed;
  });
  await releaseSpend(job.workspaceId, runKeyPrefix(job.runId));
  if (updated.count === 0) return;
  await appendRunEvent(job.workspaceId, job.runId, "status", { status: "failed", error: "worker lost" });
  await appendRunEvent(job.workspaceId, job.runId, "done", { status: "failed" });
}
