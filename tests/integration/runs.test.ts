// Runs on the real database and queue: validation, idempotency, concurrency limits, execution to a
// final status with events, cancel, provider failures, and agent-seconds metered against the cap.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { LIST_PRICES } from "@/config/models";
import { ProviderError, type ModelProvider } from "@/lib/agents/model-types";
import { OfflineProvider } from "@/lib/agents/providers/offline-provider";
import { cancelRun } from "@/lib/runs/cancel-run";
import { createRun } from "@/lib/runs/create-run";
import { executeRun } from "@/lib/runs/execute-run";
import { getRun } from "@/lib/runs/read-runs";
import { listRunEvents } from "@/lib/runs/run-events";
import { periodStart } from "@/lib/usage/period";
import { ownerDb } from "../support/owner-db";
import { createTeam } from "../support/workspace-fixture";

const offline = new OfflineProvider(0, "claude-sonnet-4-6");
const ticket = { agent: "support-triage", input: { ticket: "Login fails with an error" } };

async function creatorFor(tier: "free" | "pro" = "pro") {
  const team = await createTeam(tier);
  return { team, creator: { ctx: team.as("member"), workspace: { id: team.workspaceId, tier, status: "active" as const } } };
}

describe("starting runs", () => {
  it("refuses unknown agents and input that does not fit the agent, field by field", async () => {
    const { creator } = await creatorFor();
    await expect(createRun(creator.ctx, creator.workspace, { agent: "astrologer", input: {} })).rejects.toMatchObject({
      code: "invalid_request",
      fieldErrors: [{ path: "agent", message: "Unknown agent." }],
    });
    const error = await createRun(creator.ctx, creator.workspace, { agent: "research", input: { question: "", extra: 1 } }).catch((e) => e);
    expect(error.code).toBe("invalid_request");
    expect(error.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual(["input", "input.question"]);
    expect(await ownerDb().run.count({ where: { workspaceId: creator.workspace.id } })).toBe(0);
  });

  it("returns the same run for the same idempotency key, even when asked concurrently", async () => {
    const { creator } = await creatorFor();
    const idempotencyKey = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => createRun(creator.ctx, creator.workspace, { ...ticket, idempotencyKey })),
    );
    expect(new Set(results.map((r) => r.run.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await ownerDb().run.count({ where: { workspaceId: creator.workspace.id } })).toBe(1);
    const jobs = await ownerDb().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'runId' = $1`,
      results[0]!.run.id,
    );
    expect(jobs[0]!.n).toBe(1);
  });

  it("holds the tier's concurrent runs: Free runs one at a time", async () => {
    const { creator } = await creatorFor("free");
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => createRun(creator.ctx, creator.workspace, ticket)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.code).toBe("rate_limited");
  });

  it("refuses new runs when the Free agent-minutes are used up", async () => {
    const { creator } = await creatorFor("free");
    await ownerDb().usageCounter.create({
      data: { workspaceId: creator.workspace.id, metric: "agent_seconds", periodStart: periodStart(), used: 3600 },
    });
    await expect(createRun(creator.ctx, creator.workspace, ticket)).rejects.toMatchObject({ code: "quota_exceeded" });
  });
});

describe("executing runs", () => {
  it("goes queued → running → succeeded, writing its events and metering its seconds", async () => {
    const { creator } = await creatorFor();
    const { run } = await createRun(creator.ctx, creator.workspace, ticket);
    await executeRun({ runId: run.id, workspaceId: creator.workspace.id }, offline);
    const done = await getRun(creator.ctx, run.id);
    expect(done).toMatchObject({ status: "succeeded", provider: "offline", agentSeconds: expect.any(Number) });
    expect((done.output as { text: string }).text).toContain("Offline demo");
    const events = await listRunEvents(creator.workspace.id, run.id);
    expect(events.map((e) => e.type)).toEqual(["status", "status", "log", "tool", "log", "log", "output", "status", "done"]);
    expect(events.map((e) => (e.data as { status?: string }).status).filter(Boolean)).toEqual([
      "queued",
      "running",
      "succeeded",
      "succeeded",
    ]);
    const ledger = await ownerDb().usageEvent.aggregate({
      where: { workspaceId: creator.workspace.id, metric: "agent_seconds" },
      _sum: { quantity: true },
    });
    expect(ledger._sum.quantity).toBe(done.agentSeconds);
  });

  it("ends a run that fails at the provider with the provider's clear message", async () => {
    const { creator } = await creatorFor();
    const { run } = await createRun(creator.ctx, creator.workspace, ticket);
    const failing: ModelProvider = {
      name: "anthropic",
      model: "claude-sonnet-4-6",
      price: LIST_PRICES["claude-sonnet-4-6"]!,
      estimatesUsage: false,
      turn: async () => {
        throw new ProviderError("The model provider is rate limiting requests (429). Try again later.");
      },
    };
    await executeRun({ runId: run.id, workspaceId: creator.workspace.id }, failing);
    expect(await getRun(creator.ctx, run.id)).toMatchObject({ status: "failed", error: expect.stringContaining("429") });
  });

  it("cancels a queued run at once and a running one within a second; a finished run stays as it was", async () => {
    const { creator } = await creatorFor();
    const queued = await createRun(creator.ctx, creator.workspace, ticket);
    expect((await cancelRun(creator.ctx, queued.run.id)).status).toBe("canceled");
    await executeRun({ runId: queued.run.id, workspaceId: creator.workspace.id }, offline);
    expect((await getRun(creator.ctx, queued.run.id)).status).toBe("canceled");

    const running = await createRun(creator.ctx, creator.workspace, ticket);
    const slow = new OfflineProvider(5_000, "claude-sonnet-4-6");
    const execution = executeRun({ runId: running.run.id, workspaceId: creator.workspace.id }, slow);
    await new Promise((r) => setTimeout(r, 600));
    const started = Date.now();
    await cancelRun(creator.ctx, running.run.id);
    await execution;
    expect(Date.now() - started).toBeLessThan(2_000);
    const canceled = await getRun(creator.ctx, running.run.id);
    expect(canceled.status).toBe("canceled");
    expect(await cancelRun(creator.ctx, running.run.id)).toEqual(canceled);
  });

  it("stops a running run when the Free workspace reaches its agent-minutes; its seconds still count", async () => {
    const { creator } = await creatorFor("free");
    const { run } = await createRun(creator.ctx, creator.workspace, ticket);
    await ownerDb().usageCounter.create({
      data: { workspaceId: creator.workspace.id, metric: "agent_seconds", periodStart: periodStart(), used: 3598 },
    });
    await executeRun({ runId: run.id, workspaceId: creator.workspace.id }, new OfflineProvider(20_000, "claude-sonnet-4-6"));
    const stopped = await getRun(creator.ctx, run.id);
    expect(stopped).toMatchObject({ status: "failed", error: expect.stringContaining("cap") });
    const counter = await ownerDb().usageCounter.findFirstOrThrow({
      where: { workspaceId: creator.workspace.id, metric: "agent_seconds" },
    });
    expect(Number(counter.used)).toBe(3598 + stopped.agentSeconds);
    expect(stopped.agentSeconds).toBeGreaterThanOrEqual(5);
  }, 20_000);
});
