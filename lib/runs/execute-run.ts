// Executing one run on a worker: claim it, run the agent loop, meter agent-seconds as it goes (every
// few seconds, so a worker that dies leaves its seconds counted once), stop it on cancel, timeout or
// when the workspace reaches its cap, and record the outcome. Never throws: every end is a final status.
import type { TierId } from "@/config/tiers";
import { findAgent } from "@/lib/agents/catalog";
import { runAgentLoop } from "@/lib/agents/agent-loop";
import { ProviderError, type ModelProvider } from "@/lib/agents/model-types";
import { inWorkspace } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { describeError, logger } from "@/lib/log/logger";
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

async function claim(job: RunJob) {
  return inWorkspace(job.workspaceId, async (tx) => {
    const [run] = await tx.$queryRaw<{ id: string; agent: string; input: Prisma.JsonValue; attempt: number; agentSeconds: number }[]>`
      UPDATE "Run" SET status = 'running', attempt = attempt + 1, "startedAt" = COALESCE("startedAt", now())
       WHERE id = ${job.runId} AND "workspaceId" = ${job.workspaceId} AND status IN ('queued', 'running') AND "cancelRequestedAt" IS NULL
       RETURNING id, agent, input, attempt, "agentSeconds"`;
    if (!run) return null;
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: job.workspaceId }, select: { tier: true, status: true } });
    return { run, workspace };
  });
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

export async function executeRun(job: RunJob, provider: ModelProvider): Promise<void> {
  const claimed = await claim(job);
  if (!claimed) return; // canceled, or already finished
  const { run, workspace } = claimed;
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
        : failure instanceof ProviderError ? failure.message
        : failure instanceof Error && failure.message.startsWith("The agent did not finish") ? failure.message
        : "The run failed unexpectedly.";
      if (!(failure instanceof ProviderError) && !stopReason) logger.error("run failed", { runId: run.id, ...describeError(failure) });
    }
  } finally {
    clearInterval(watchdog);
    while (checking) await new Promise((r) => setTimeout(r, 20));
  }

  const remainder = Math.max(0, elapsedSeconds() - meteredSeconds);
  if (remainder > 0) await meterSlice(job, workspace.tier, `run:${run.id}:a${run.attempt}:final`, remainder);
  if (stopReason === "quota" && workspace.tier !== "free") await pauseForQuota(job.workspaceId, "agent_seconds");
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
  if (updated.count === 0) return;
  await appendRunEvent(job.workspaceId, job.runId, "status", { status: "failed", error: "worker lost" });
  await appendRunEvent(job.workspaceId, job.runId, "done", { status: "failed" });
}
