// A worker process killed in the middle of a run: the queue hands the run to another worker after the
// lease, it finishes, and every agent-second is metered exactly once (both attempts' slices, no double).
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";

import { createScratchDatabase, dropScratchDatabase } from "../support/databases";

// A database of its own: the workers started here must not pick up other test files' runs.
const serverUrl = process.env.TEST_SERVER_DATABASE_URL!;
const databaseUrl = await createScratchDatabase(serverUrl, "crash");
process.env.DATABASE_URL = databaseUrl;
// The lease decides how soon a dead worker's run is retried; short here so the test is quick.
process.env.RUN_LEASE_SECONDS = "8";
const { prepareDatabase } = await import("@/lib/db/prepare-database");
await prepareDatabase(databaseUrl);
const { createRun } = await import("@/lib/runs/create-run");
const { ownerDb } = await import("../support/owner-db");
const { createTeam } = await import("../support/workspace-fixture");

const workers: ChildProcess[] = [];
function startWorker(turnMs: number): ChildProcess {
  // Node itself with tsx as a loader (not the tsx CLI, which would put a wrapper process in between).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, RUN_WORKERS: "1", OFFLINE_TURN_MS: String(turnMs), LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  workers.push(child);
  return child;
}
afterAll(async () => {
  workers.forEach((w) => w.kill("SIGKILL"));
  await dropScratchDatabase(serverUrl, databaseUrl);
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("a worker that dies mid-run", () => {
  it("leaves no run stuck: another worker finishes it, and its seconds are metered once", async () => {
    const team = await createTeam("pro");
    const { run } = await createRun({ workspace: { id: team.workspaceId, tier: "pro", status: "active" }, userId: team.users.owner.id }, {
      agent: "research",
      input: { question: "What happens when a worker dies?" },
    });
    const readRun = () => ownerDb().run.findUniqueOrThrow({ where: { id: run.id } });

    const first = startWorker(60_000);
    await waitFor(readRun, (r) => r.status === "running", 30_000);
    await new Promise((r) => setTimeout(r, 6_000)); // past the first 5-second metering slice
    first.kill("SIGKILL");
    const killedAt = Date.now();

    startWorker(200);
    const finished = await waitFor(readRun, (r) => r.status !== "running" && r.status !== "queued", 45_000);
    expect(finished.status).toBe("succeeded");
    expect(finished.attempt).toBe(2);
    expect(Date.now() - killedAt).toBeLessThan(45_000);

    const ledger = await ownerDb().usageEvent.findMany({ where: { workspaceId: team.workspaceId, metric: "agent_seconds" } });
    expect(ledger.some((e) => e.idempotencyKey.startsWith(`run:${run.id}:a1:`))).toBe(true);
    expect(ledger.some((e) => e.idempotencyKey.startsWith(`run:${run.id}:a2:`))).toBe(true);
    const billed = ledger.reduce((sum, e) => sum + e.quantity, 0);
    const counter = await ownerDb().usageCounter.findFirstOrThrow({ where: { workspaceId: team.workspaceId, metric: "agent_seconds" } });
    expect(Number(counter.used)).toBe(billed);
    expect(finished.agentSeconds).toBe(billed);
  }, 120_000);
});
