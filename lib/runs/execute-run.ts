// Executing one run on a worker: claim it, run the agent loop with every model turn reserved and settled
// against the workspace's model budget (lib/spend), meter agent-seconds as it goes (every few seconds, so
// a worker that dies leaves its seconds counted once), stop it on cancel, timeout or when the workspace
// reaches a cap, and record the outcome. Never throws: every end is a final status.
import { getTier, type TierId } from "@/config/tiers";
import { findAgent } from "@/lib/agents/catalog";
import { runAgentLoop, TurnsExhausted } from "@/lib/agents/agent-loop";
import { ProviderError, type ModelProvider } from "@/lib/agents/model-types";
import { providerForOwnKey } from "@/lib/agents/providers/model-provider";
import { inWorkspace } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { describeError, logger } from "@/lib/log/logger";
import { meteredProvider, SpendStop } from "@/lib/spend/metered-provider";
import { releaseSpend, runKeyPrefix } from "@/lib/spend/spend-ledger";
import { SPEND_WORKSPACE_FIELDS, spendPolicy, type SpendPolicy } from "@/lib/spend/spend-policy";
import { PROVIDER_KEY } from "@/lib/spend/spend-settings";
import { openSealedSecret, readSealedSecret } from "@/lib/secrets/workspace-secrets";
import { pauseForQuota } from "@/lib/usage/pause-workspace";
import { usageCap } from "@/lib/usage/quota";
import { recordUsage } from "@/lib/usage/record-usage";
import { checkUsageAlerts } from "@/lib/usage/usage-alerts";
import type { RunJob } from "@/lib/queue/run-queue";
import { appendRunEvent } from "./run-events";

/** Agent-seconds are metered in slices of this length while a run is running. */
export const METER_SLICE_SECONDS = 5;
const CHECK_INTERVAL_MS = 500;

type StopReason = "canceled" | "timeout" | "quota";

interface ClaimedRun {
  id: string;
  agent: string;
  input: Prisma.JsonValue;
  attempt: number;
  agentSeconds: number;
  maxCostMicros: bigint | null;
  costMicros: bigint;
}

async function claim(job: RunJob) {
  const claimed = await inWorkspace(job.workspaceId, async (tx) => {
    const [run] = await tx.$queryRaw<ClaimedRun[]>`
      UPDATE "Run" SET status = 'running', attempt = attempt + 1, "startedAt" = COALESCE("startedAt", now())
       WHERE id = ${job.runId} AND "workspaceId" = ${job.workspaceId} AND status IN ('queued', 'running') AND "cancelRequestedAt" IS NULL
       RETURNING id, agent, input, attempt, "agentSeconds", "maxCostMicros", "costMicros"`;
    if (!run) return null;
    const workspace = await tx.workspace.findUniqueOrThrow({
      where: { id: job.workspaceId },
      select: { ...SPEND_WORKSPACE_FIELDS, status: true },
    });
    return { run, workspace, sealedKey: await readSealedSecret(tx, job.workspaceId, PROVIDER_KEY) };
  });
  // A retried run's earlier attempt died mid-turn: its open reservations hold budget no one will settle.
  if (claimed && claimed.run.attempt > 1) await releaseSpend(job.workspaceId, runKeyPrefix(job.runId));
  return claimed;
}

/** The run's provider, metered: the workspace's own key when it stored one (it pays), else the platform's. */
function runProvider(
  job: RunJob,
  run: ClaimedRun,
  sealedKey: string | null,
  policy: SpendPolicy,
  platform: ModelProvider,
  forOwnKey: (key: string) => ModelProvider,
) {
  const ownKey = sealedKey === null ? null : openSealedSecret(sealedKey, job.workspaceId, PROVIDER_KEY);
  const billedTo = ownKey ? ("workspace" as const) : ("platform" as const);
  const provider = meteredProvider(ownKey ? forOwnKey(ownKey) : platform, {
    workspaceId: job.workspaceId,
    policy,
    runId: run.id,
    attempt: run.attempt,
    billedTo,
    runLimitMicros: run.maxCostMicros === null ? null : Number(run.maxCostMicros),
    runSpentMicros: Number(run.costMicros),
  });
  return { provider, billedTo };
}

function failureMessage(failure: unknown, billedTo: "platform" | "workspace"): string {
  if (failure instanceof SpendStop || failure instanceof TurnsExhausted) return failure.message;
  if (failure instanceof ProviderError) {
    return failure.rejectedKey && billedTo === "workspace"
      ? "Anthropic rejected the workspace's own API key. An owner can replace it in Settings."
      : failure.message;
  }
  return "The run failed unexpectedly.";
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
    await tx.run.updateMany({
      where: { id: job.runId, workspaceId: job.workspaceId, status: "running" },
      data: { status, output: fields.output, error: fields.error, finishedAt: new Date(), agentSeconds: Number(metered?.seconds ?? 0) },
    });
  });
  if (fields.output !== undefined) await appendRunEvent(job.workspaceId, job.runId, "output", fields.output);
  await appendRunEvent(job.workspaceId, job.runId, "status", { status, ...(fields.error && { error: fields.error }) });
  await appendRunEvent(job.workspaceId, job.runId, "done", { status });
}

export async function executeRun(job: RunJob, platform: ModelProvider, forOwnKey = providerForOwnKey): Promise<void> {
  const claimed = await claim(job);
  if (!claimed) return; // canceled, or already finished
  const { run, workspace, sealedKey } = claimed;
  const policy = spendPolicy(workspace);
  let metered: ReturnType<typeof runProvider>;
  try {
    metered = runProvider(job, run, sealedKey, policy, platform, forOwnKey);
  } catch (error) {
    // Not the run's fault and not a dead worker: a stored key this server cannot open (SECRETS_KEY).
    logger.error("could not prepare the run's model provider", { runId: run.id, ...describeError(error) });
    return finish(job, "failed", { error: "The workspace's stored Anthropic key could not be read on this server. An administrator must check SECRETS_KEY." });
  }
  const { provider, billedTo } = metered;
  const agent = findAgent(run.agent);
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

  await inWorkspace(job.workspaceId, (tx) => tx.run.updateMany({ where: { id: run.id }, data: { provider: provider.name } }));
  await appendRunEvent(job.workspaceId, run.id, "status", { status: "running", attempt: run.attempt, provider: provider.name });
  if (!agent) return finish(job, "failed", { error: `Unknown agent ${run.agent}.` });

  // Watchdog: cancel requests, the runtime limit, and metering slices, checked twice a second.
  let checking = false;
  const watchdog = setInterval(async () => {
    if (checking) return;
    checking = true;
    try {
      if (Date.now() - started > agent.maxRuntimeSeconds * 1000) stop("timeout");
      const cancel = await inWorkspace(job.workspaceId, (tx) => tx.run.findUnique({ where: { id: run.id }, select: { cancelRequestedAt: true } }));
      if (cancel?.cancelRequestedAt) stop("canceled");
      while (elapsedSeconds() - meteredSeconds >= METER_SLICE_SECONDS) {
        slice++;
        meteredSeconds += METER_SLICE_SECONDS;
        const admitted = await meterSlice(job, workspace.tier, `run:${run.id}:a${run.attempt}:s${slice}`, METER_SLICE_SECONDS);
        if (!admitted) stop("quota");
      }
    } catch (error) {
      logger.warn("run watchdog check failed", { runId: run.id, ...describeError(error) });
    } finally {
      checking = false;
    }
  }, CHECK_INTERVAL_MS);

  let status: RunStatus;
  let spendCapPaused = false;
  let output: Prisma.InputJsonValue | undefined;
  let error: string | undefined;
  try {
    const result = await runAgentLoop({
      agent,
      input: run.input,
      provider,
      signal: controller.signal,
      log: (message, detail) => appendRunEvent(job.workspaceId, run.id, "log", { message, ...detail }),
    });
    status = "succeeded";
    output = { text: result.text, turns: result.turns, provider: provider.name };
  } catch (failure) {
    if (stopReason === "canceled") status = "canceled";
    else {
      status = "failed";
      error =
        stopReason === "timeout" ? `The run exceeded the ${agent.id} agent's limit of ${agent.maxRuntimeSeconds} seconds.`
        : stopReason === "quota" ? "The workspace reached its agent-minutes cap, so the run was stopped."
        : failureMessage(failure, billedTo);
      if (failure instanceof SpendStop && failure.kind === "workspace_budget" && policy.atCap === "pause") spendCapPaused = true;
      const expected = failure instanceof ProviderError || failure instanceof SpendStop || failure instanceof TurnsExhausted;
      if (!expected && !stopReason) logger.error("run failed", { runId: run.id, ...describeError(failure) });
    }
  } finally {
    clearInterval(watchdog);
    while (checking) await new Promise((r) => setTimeout(r, 20));
  }

  const remainder = Math.max(0, elapsedSeconds() - meteredSeconds);
  if (remainder > 0) await meterSlice(job, workspace.tier, `run:${run.id}:a${run.attempt}:final`, remainder);
  if (stopReason === "quota" && getTier(workspace.tier).atCap === "pause") await pauseForQuota(job.workspaceId, "agent_seconds");
  if (spendCapPaused) await pauseForQuota(job.workspaceId, "model_spend");
  await finish(job, status, { output, error });
}

/** A run whose worker died on its last attempt: the queue gave up on it, so it is failed here. */
export async function failLostRun(job: RunJob): Promise<void> {
  const updated = await inWorkspace(job.workspaceId, (tx) =>
    tx.run.updateMany({
      where: { id: job.runId, workspaceId: job.workspaceId, status: { in: ["queued", "running"] } },
      data: { status: "failed", error: "The worker running this run stopped before it finished, twice. Start the run again.", finishedAt: new Date() },
    }),
  );
  await releaseSpend(job.workspaceId, runKeyPrefix(job.runId));
  if (updated.count === 0) return;
  await appendRunEvent(job.workspaceId, job.runId, "status", { status: "failed", error: "worker lost" });
  await appendRunEvent(job.workspaceId, job.runId, "done", { status: "failed" });
}
