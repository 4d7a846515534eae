// How soon an idle worker starts an enqueued run: enqueueRun NOTIFYs on commit and the worker's
// listener wakes its pollers, so pick-up (startedAt − createdAt) takes milliseconds, not a polling
// interval (~220 ms p50 before). A lost notification only costs a poll: a job enqueued without one, or
// while the listener's connection is down, is still picked up, and the listener reconnects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, dropScratchDatabase } from "../support/databases";

// A database of its own: the worker started here must not take other test files' runs.
const serverUrl = process.env.TEST_SERVER_DATABASE_URL!;
const databaseUrl = await createScratchDatabase(serverUrl, "pickup");
process.env.DATABASE_URL = databaseUrl;
process.env.OFFLINE_TURN_MS = "0";
const { prepareDatabase } = await import("@/lib/db/prepare-database");
await prepareDatabase(databaseUrl);
const { createRun } = await import("@/lib/runs/create-run");
const { startRunWorker } = await import("@/lib/runs/run-worker");
const { QUEUE_WAKE_CHANNEL, RUN_QUEUE, runQueue } = await import("@/lib/queue/run-queue");
const { ownerDb } = await import("../support/owner-db");
const { createTeam } = await import("../support/workspace-fixture");

let worker: { stop(): Promise<void> } | undefined;
beforeAll(async () => {
  worker = await startRunWorker(2);
});
afterAll(async () => {
  await worker?.stop();
  await ownerDb().$disconnect();
  await dropScratchDatabase(serverUrl, databaseUrl);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(50);
  }
}

/** Pick-up in ms of each run that has started. */
async function pickUps(runIds: string[]): Promise<number[]> {
  const rows = await ownerDb().run.findMany({
    where: { id: { in: runIds }, startedAt: { not: null } },
    select: { createdAt: true, startedAt: true },
  });
  return rows.map((r) => r.startedAt!.getTime() - r.createdAt.getTime());
}

async function team() {
  const t = await createTeam("pro");
  const creator = { ctx: t.as("owner"), workspace: { id: t.workspaceId, tier: "pro" as const, status: "active" as const } };
  return {
    workspaceId: t.workspaceId,
    start: async () =>
      (await createRun(creator.ctx, creator.workspace, { agent: "support-triage", input: { ticket: "Login fails" } })).run.id,
  };
}

/** Starts `count` runs `gapMs` apart (each into an empty queue: the offline turn takes no time) and waits for all to start. */
async function steadyRuns(start: () => Promise<string>, count: number, gapMs: number): Promise<number[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await start());
    await sleep(gapMs);
  }
  const latencies = await waitFor(
    () => pickUps(ids),
    (l) => l.length === ids.length,
    10_000,
  );
  expect(latencies).toHaveLength(ids.length);
  return latencies;
}

/** The backend of the worker's LISTEN connection, once it is listening. */
async function listenerPid(): Promise<number | undefined> {
  const rows = await ownerDb().$queryRawUnsafe<{ pid: number }[]>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1 AND pid <> pg_backend_pid()`,
    `LISTEN ${QUEUE_WAKE_CHANNEL}`,
  );
  return rows[0]?.pid;
}

describe("run pick-up", () => {
  it("starts a run on an idle worker within milliseconds of its commit, not at the next poll", async () => {
    await waitFor(listenerPid, (pid) => pid !== undefined, 5_000);
    const { start } = await team();
    await start(); // warm-up: the first run's queries prepare and its agent loads
    await sleep(500);
    const latencies = await steadyRuns(start, 20, 200);
    console.log(`[run-pickup] steady 5/s: p50 ${median(latencies)} ms, max ${Math.max(...latencies)} ms (${latencies.length} runs)`);
    // Polling alone (every 0.5 s per poller, two pollers) gives ~220 ms; generous for a busy CI machine.
    expect(median(latencies)).toBeLessThan(100);
  });

  it("still picks up a run whose notification never came, at the next poll", async () => {
    const { workspaceId } = await team();
    // A run and its job as enqueueRun writes them, but without the NOTIFY.
    const run = await ownerDb().run.create({ data: { workspaceId, agent: "support-triage", input: { ticket: "No wake-up" } } });
    const boss = await runQueue();
    await boss.send(RUN_QUEUE, { runId: run.id, workspaceId }, { expireInSeconds: 60 });
    const [latency] = await waitFor(
      () => pickUps([run.id]),
      (l) => l.length === 1,
      5_000,
    );
    console.log(`[run-pickup] no notification: picked up after ${latency} ms`);
    expect(latency).toBeDefined();
    expect(latency!).toBeLessThan(2_000);
    const done = await waitFor(
      () => ownerDb().run.findUniqueOrThrow({ where: { id: run.id } }),
      (r) => r.status === "succeeded",
      5_000,
    );
    expect(done.status).toBe("succeeded");
  });

  it("keeps runs going when the listener's connection drops, and reconnects it", async () => {
    const { start } = await team();
    const pid = await listenerPid();
    expect(pid).toBeDefined();
    await ownerDb().$queryRawUnsafe(`SELECT pg_terminate_backend($1)`, pid);
    // Enqueued while nobody listens: its notification is lost.
    const lost = await start();
    const [latency] = await waitFor(
      () => pickUps([lost]),
      (l) => l.length === 1,
      5_000,
    );
    console.log(`[run-pickup] listener down: picked up after ${latency} ms`);
    expect(latency!).toBeLessThan(2_000);

    const again = await waitFor(listenerPid, (p) => p !== undefined && p !== pid, 10_000);
    expect(again).toBeDefined();
    expect(again).not.toBe(pid);
    const latencies = await steadyRuns(start, 10, 200);
    console.log(`[run-pickup] after reconnecting: p50 ${median(latencies)} ms`);
    expect(median(latencies)).toBeLessThan(100);
  });
});
