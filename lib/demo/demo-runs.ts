// Finished sample runs with the events a worker would have written and their agent-seconds in the
// ledger. Written directly in a final status (no queue job), so no worker picks them up and none is ever
// left queued or running.
import { inWorkspace } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { SAMPLE_RUNS, type SampleRun } from "./demo-run-samples";
import { recordPastUsage } from "./demo-usage";

const DEMO_LABEL = "[Demo data from `npm run demo:seed`.]";

/** What the offline provider's output looks like, labelled as seeded demo data. */
function demoOutput(sample: SampleRun): Prisma.InputJsonObject | undefined {
  return sample.status === "succeeded" ? { text: `${DEMO_LABEL}\n\n${sample.text}`, turns: 2, provider: "offline" } : undefined;
}

function runEvents(sample: SampleRun, startedAt: Date): { type: string; data: Prisma.InputJsonObject; createdAt: Date }[] {
  const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);
  const end = sample.seconds;
  const output = demoOutput(sample);
  return [
    { type: "status", data: { status: "queued" }, createdAt: at(-1) },
    { type: "status", data: { status: "running", attempt: 1, provider: "offline" }, createdAt: at(0) },
    { type: "log", data: { message: "Turn 1: asking the model" }, createdAt: at(0) },
    { type: "log", data: { message: `Tool ${sample.tool}: done`, tool: sample.tool }, createdAt: at(end / 2) },
    { type: "log", data: { message: "Turn 2: asking the model" }, createdAt: at(end / 2) },
    ...(output ? [{ type: "output", data: output, createdAt: at(end) }] : []),
    { type: "status", data: { status: sample.status, ...(sample.status === "failed" && { error: sample.text }) }, createdAt: at(end) },
    { type: "done", data: { status: sample.status }, createdAt: at(end) },
  ];
}

/** The run for this sample, created with its events unless a previous seed already did. */
async function ensureRun(ctx: WorkspaceContext, sample: SampleRun, idempotencyKey: string, now: Date) {
  const workspaceId = ctx.workspaceId;
  return inWorkspace(workspaceId, async (tx) => {
    const existing = await tx.run.findUnique({ where: { workspaceId_idempotencyKey: { workspaceId, idempotencyKey } } });
    if (existing) return existing;
    const startedAt = new Date(now.getTime() - sample.hoursAgo * 3_600_000);
    const finishedAt = new Date(startedAt.getTime() + sample.seconds * 1000);
    const run = await tx.run.create({
      data: {
        workspaceId,
        agent: sample.agent,
        status: sample.status,
        input: sample.input,
        output: demoOutput(sample),
        error: sample.status === "failed" ? sample.text : undefined,
        agentSeconds: sample.seconds,
        idempotencyKey,
        createdById: ctx.actorId,
        attempt: 1,
        provider: "offline",
        cancelRequestedAt: sample.status === "canceled" ? finishedAt : undefined,
        createdAt: new Date(startedAt.getTime() - 1000),
        startedAt,
        finishedAt,
      },
    });
    await tx.runEvent.createMany({ data: runEvents(sample, startedAt).map((e) => ({ ...e, workspaceId, runId: run.id })) });
    return run;
  });
}

export async function ensureDemoRuns(ctx: WorkspaceContext, now: Date): Promise<void> {
  for (const [index, sample] of SAMPLE_RUNS.entries()) {
    const run = await ensureRun(ctx, sample, `demo:run:${index + 1}`, now);
    // The key a worker's last metering slice uses, so the ledger reads like that of a real run.
    await recordPastUsage(ctx.workspaceId, "agent_seconds", sample.seconds, `run:${run.id}:a1:final`, run.finishedAt ?? now);
  }
}
