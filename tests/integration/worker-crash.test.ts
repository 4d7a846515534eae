// A worker process killed in the middle of a run: the queue hands the run to another worker after the
// lease, it finishes, and every agent-second is metered exactly once (both attempts' slices, no double).
// The money side too: the dead attempt's finished turn stays billed once, the reservation of the turn it
// had in flight is released when the run is retried, and the ledger, the counter, the run's steps and
// the run's cost all agree.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, afterEach, describe, expect, it } from "vitest";
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
/** Kills a worker (SIGKILL: no graceful stop, as a crash) and waits until it is gone. */
async function killWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGKILL");
  await exited;
}
// No worker outlives its test: a live one from an earlier test would take the next test's run.
afterEach(async () => {
  await Promise.all(workers.splice(0).map(killWorker));
});
afterAll(async () => {
  await Promise.all(workers.splice(0).map(killWorker));
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
    const { run } = await createRun(
      team.as("owner"),
      { tier: "pro", status: "active" },
      {
        agent: "research",
        input: { question: "What happens when a worker dies?" },
      },
    );
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

  it("bills the dead attempt's finished turn once and releases the reservation of the turn it had in flight", async () => {
    const team = await createTeam("pro");
    const { workspaceId } = team;
    const { run } = await createRun(
      team.as("owner"),
      { tier: "pro", status: "active" },
      {
        agent: "research", // offline: turn 1 calls a tool, turn 2 answers
        input: { question: "Who pays for a turn a dead worker never finished?" },
      },
    );
    const readRun = () => ownerDb().run.findUniqueOrThrow({ where: { id: run.id } });
    const steps = () => ownerDb().runStep.findMany({ where: { runId: run.id }, orderBy: [{ attempt: "asc" }, { turn: "asc" }] });
    const reservations = () => ownerDb().spendReservation.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
    const spendCounter = () => ownerDb().usageCounter.findFirstOrThrow({ where: { workspaceId, metric: "model_spend" } });
    const spendLedger = () => ownerDb().usageEvent.findMany({ where: { workspaceId, metric: "model_spend" } });
    const key = (attempt: number, turn: number) => `run:${run.id}:a${attempt}:t${turn}`;

    // Turns of 4 s: turn 1 settles at ~4 s, turn 2 is reserved then and in flight until ~8 s.
    const first = startWorker(4_000);
    await waitFor(readRun, (r) => r.status === "running", 30_000);
    await new Promise((r) => setTimeout(r, 6_000));
    await killWorker(first);

    // While no worker runs it: attempt 1's turn 1 is settled, its turn 2 holds an open reservation.
    const deadSteps = await steps();
    expect(deadSteps.map((s) => [s.attempt, s.turn])).toEqual([[1, 1]]);
    expect(deadSteps[0]!.toolCalls.length).toBe(1);
    const held = await reservations();
    expect(held.map((r) => [r.idempotencyKey, r.status])).toEqual([
      [key(1, 1), "settled"],
      [key(1, 2), "open"],
    ]);
    const inFlight = held[1]!;
    expect(Number(inFlight.amountMicros)).toBeGreaterThan(0);
    const deadCounter = await spendCounter();
    expect(Number(deadCounter.reserved)).toBe(Number(inFlight.amountMicros));
    expect(Number(deadCounter.used)).toBe(Number(deadSteps[0]!.costMicros));

    startWorker(200);
    const finished = await waitFor(readRun, (r) => r.status !== "running" && r.status !== "queued", 45_000);
    expect(finished.status).toBe("succeeded");
    expect(finished.attempt).toBe(2);

    // The dead turn's hold is released (nothing was billed for it), and nothing else is held.
    const closed = await reservations();
    expect(closed.find((r) => r.idempotencyKey === key(1, 2))?.status).toBe("released");
    expect(closed.filter((r) => r.status === "open")).toEqual([]);
    const counter = await spendCounter();
    expect(Number(counter.reserved)).toBe(0);

    // Attempt 2 ran both turns again; attempt 1's finished turn is billed exactly once, its lost one never.
    const finalSteps = await steps();
    expect(finalSteps.map((s) => [s.attempt, s.turn])).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
    ]);
    expect(finalSteps[0]!.costMicros).toBe(deadSteps[0]!.costMicros);
    const ledger = await spendLedger();
    expect(ledger.map((e) => e.idempotencyKey).sort()).toEqual([key(1, 1), key(2, 1), key(2, 2)]);
    expect(ledger.filter((e) => e.idempotencyKey === key(1, 1)).map((e) => e.quantity)).toEqual([Number(deadSteps[0]!.costMicros)]);

    const stepCost = finalSteps.reduce((sum, s) => sum + Number(s.costMicros), 0);
    const ledgerCost = ledger.reduce((sum, e) => sum + e.quantity, 0);
    expect(ledgerCost).toBe(stepCost);
    expect(Number(counter.used)).toBe(ledgerCost);
    expect(Number(finished.costMicros)).toBe(stepCost);
  }, 120_000);
});
