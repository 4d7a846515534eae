// Starting a run: the agent and its input are validated, the workspace must be active, within its
// agent-minutes quota and its tier's concurrent runs; then the run row and its queue job are written in
// one transaction. The same idempotency key again returns the run it made the first time.
import { env } from "@/config/env";
import { getTier, type TierId } from "@/config/tiers";
import { findBuiltInAgent } from "@/lib/agents/catalog";
import { checkInput } from "@/lib/agents/input-schema";
import { agentForNewRun } from "@/lib/agents/workspace-agents";
import { inWorkspace } from "@/lib/db/tenant";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError, zodFieldErrors } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkspaceStatus } from "@/lib/generated/prisma/enums";
import { enqueueRun, runQueue } from "@/lib/queue/run-queue";
import { rateLimited } from "@/lib/ratelimit/rate-limited";
import { assertRunFitsBudget } from "@/lib/spend/assert-run-fits";
import { usdToMicros } from "@/lib/spend/money";
import { liftPauseOfPastPeriod } from "@/lib/usage/pause-workspace";
import { usageCap } from "@/lib/usage/quota";
import { stopAtCap } from "@/lib/usage/stop-at-cap";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { loadRunAdmission, type RunAdmission } from "./run-admission";
import { toRunView, type RunView } from "./run-view";
import type { CreateRunInput } from "./schemas";

/** The workspace's tier and status as the caller read them (the API key's workspace, or the member's). */
export interface RunWorkspace {
  tier: TierId;
  status: WorkspaceStatus;
  pausedReason?: string | null;
}

/** What a client refused for its tier's runs at a time is told to wait. */
const CONCURRENT_RUNS_RETRY_AFTER_MS = 5_000;

/** Seconds a run's queue job may stay active before the queue presumes its worker dead and retries it. */
export function runLeaseSeconds(maxRuntimeSeconds: number): number {
  return env.RUN_LEASE_SECONDS ?? maxRuntimeSeconds + 30;
}

async function validate(workspaceId: string, input: CreateRunInput) {
  const found = await agentForNewRun(workspaceId, input.agent);
  if (!found) {
    const builtIn = input.agent.split("@")[0]!;
    const hint =
      input.agent.includes("@") && findBuiltInAgent(builtIn)
        ? ` Built-in agents have no versions: name it "${builtIn}".`
        : " GET /api/v1/agents lists them.";
    throw new AppError("invalid_request", `Unknown agent "${input.agent}" (or it is archived).${hint}`, {
      fieldErrors: [{ path: "agent", message: "Unknown agent." }],
    });
  }
  const { agent, model } = found;
  if (!model)
    throw new AppError(
      "invalid_request",
      `The ${agent.id} agent's model "${agent.model ?? "default"}" is not available in this workspace.`,
      { fieldErrors: [{ path: "agent", message: "Its model is not available." }] },
    );
  if (agent.parseInput) {
    const parsed = agent.parseInput.safeParse(input.input);
    if (!parsed.success) {
      throw new AppError("invalid_request", `The input does not fit the ${agent.id} agent.`, {
        fieldErrors: zodFieldErrors(parsed.error).map((e) => ({
          path: e.path === "(body)" ? "input" : `input.${e.path}`,
          message: e.message,
        })),
      });
    }
    return { agent, model, input: parsed.data as Prisma.InputJsonValue };
  }
  const fieldErrors = checkInput(agent.inputSchema, input.input);
  if (fieldErrors.length) throw new AppError("invalid_request", `The input does not fit the ${agent.id} agent.`, { fieldErrors });
  return { agent, model, input: input.input as Prisma.InputJsonValue };
}

async function assertAgentMinutesLeft(workspace: { id: string; tier: TierId }, admission: RunAdmission) {
  const cap = usageCap(workspace.tier, "agent_seconds");
  if (cap === null || admission.agentSeconds < cap) return;
  await stopAtCap(workspace, "agent_seconds");
}

/** Starts a run for the acting user (ctx.actorId), from the dashboard or, with `apiKeyId`, an API key. */
export async function createRun(
  ctx: WorkspaceContext,
  workspace: RunWorkspace,
  request: CreateRunInput,
  origin: { apiKeyId?: string } = {},
): Promise<{ run: RunView; created: boolean }> {
  const { workspaceId } = ctx;
  const tiered = { id: workspaceId, tier: workspace.tier };
  // A retry answers with the run the key made, even if its agent was archived since.
  if (request.idempotencyKey) {
    const existing = await inWorkspace(workspaceId, (tx) =>
      tx.run.findUnique({ where: { workspaceId_idempotencyKey: { workspaceId, idempotencyKey: request.idempotencyKey! } } }),
    );
    if (existing) return { run: toRunView(existing), created: false };
  }
  const { agent, model, input } = await validate(workspaceId, request);
  if (
    workspace.status === "paused" &&
    !(await liftPauseOfPastPeriod({ id: workspaceId, status: "paused", pausedReason: workspace.pausedReason ?? null }))
  ) {
    throw new AppError("workspace_paused", "This workspace is paused until the next period or an upgrade.");
  }
  const admission = await loadRunAdmission(workspaceId);
  await assertAgentMinutesLeft(tiered, admission);
  // The run's own limit: the lower of the request's maxCostUsd and the agent's.
  const limits = [request.maxCostUsd === undefined ? null : usdToMicros(request.maxCostUsd), agent.maxCostMicros].filter(
    (l): l is number => l !== null,
  );
  const maxCostMicros = limits.length ? Math.min(...limits) : null;
  await assertRunFitsBudget({ workspace: tiered, userId: ctx.actorId, agent, model, input, maxCostMicros, admission });

  const concurrentLimit = getTier(workspace.tier).limits.concurrentRuns;
  // Start the queue client before the transaction: starting it needs a pool connection of its own.
  await runQueue();
  try {
    const run = await inWorkspace(workspaceId, async (tx) => {
      if (concurrentLimit !== null) {
        // The workspace row lock serialises run creation per workspace, so the concurrency check is exact.
        await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
        const active = await tx.run.count({ where: { workspaceId, status: { in: ["queued", "running"] } } });
        if (active >= concurrentLimit) {
          throw rateLimited(
            `The ${getTier(workspace.tier).name} tier runs at most ${concurrentLimit} run${concurrentLimit === 1 ? "" : "s"} at a time. Wait for one to finish.`,
            { reset: Date.now() + CONCURRENT_RUNS_RETRY_AFTER_MS },
          );
        }
      }
      const created = await tx.run.create({
        data: {
          workspaceId,
          agent: agent.id,
          agentVersion: agent.version,
          input,
          idempotencyKey: request.idempotencyKey,
          apiKeyId: origin.apiKeyId,
          createdById: ctx.actorId,
          maxCostMicros,
        },
      });
      await tx.runEvent.create({ data: { workspaceId, runId: created.id, type: "status", data: { status: "queued" } } });
      await enqueueRun(
        tx,
        { runId: created.id, workspaceId },
        runLeaseSeconds(Math.min(agent.maxRuntimeSeconds, getTier(workspace.tier).runLimits.maxRuntimeSeconds)),
      );
      return created;
    });
    return { run: toRunView(run), created: true };
  } catch (error) {
    // A concurrent request with the same idempotency key won the race: answer with its run.
    if (request.idempotencyKey && isUniqueViolation(error)) {
      const existing = await inWorkspace(workspaceId, (tx) =>
        tx.run.findUniqueOrThrow({ where: { workspaceId_idempotencyKey: { workspaceId, idempotencyKey: request.idempotencyKey! } } }),
      );
      return { run: toRunView(existing), created: false };
    }
    throw error;
  }
}
