// npm run bench (second part) — runs accepted per second by POST /api/v1/runs, and the queue's pick-up
// latency (a run's startedAt minus its createdAt, p50/p99) with 1 and then 4 worker processes. The
// offline provider answers instantly here, so the figures are the platform's own overhead.
import autocannon from "autocannon";
import pg from "pg";
import { provisionTestDatabase } from "@/tests/support/test-database";
import { startAppInstance, startWorkerProcess, type AppProcess } from "@/tests/support/app-process";
import { enterpriseWorkspaceWithKey } from "./support/workspace-with-key";

const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const PORT = Number(process.env.BENCH_PORT || 3200);

function startWorkers(count: number, databaseUrl: string): Promise<AppProcess[]> {
  return Promise.all(Array.from({ length: count }, () => startWorkerProcess({ DATABASE_URL: databaseUrl, RUN_WORKERS: "2", OFFLINE_TURN_MS: "0" })));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const database = await provisionTestDatabase("bench_runs", 54359);
const server = await startAppInstance(PORT, {
  DATABASE_URL: database.url,
  ENTERPRISE_RATE_LIMIT_PER_MINUTE: "100000000",
  RUN_WORKERS: "0",
  LOG_LEVEL: "warn",
  NEXTAUTH_SECRET: "bench-only-secret",
  NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
});
const owner = new pg.Client({ connectionString: database.url });
await owner.connect();

try {
  const { workspace, key } = await enterpriseWorkspaceWithKey(server.url, database.url);
  console.log(`[bench] runs: ${SECONDS} s of POST /api/v1/runs at 10 connections, per worker count (each worker process runs 2 at a time)`);
  console.log("\nworker processes | runs accepted/s (burst) | burst all finished after | burst pick-up p50/p99 ms | steady 5/s pick-up p50/p99 ms");
  console.log("---|---|---|---|---");
  for (const count of [1, 4]) {
    const workers = await startWorkers(count, database.url);
    const since = new Date();
    const result = await autocannon({
      url: `${server.url}/api/v1/runs`,
      method: "POST",
      connections: 10,
      duration: SECONDS,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ agent: "support-triage", input: { ticket: "Benchmark ticket: login fails" } }),
    });
    const accepted = result["2xx"];
    const deadline = Date.now() + 120_000;
    let open = Infinity;
    while (open > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      open = (await owner.query(`SELECT count(*)::int AS n FROM "Run" WHERE "workspaceId" = $1 AND "createdAt" >= $2 AND status IN ('queued','running')`, [workspace.id, since])).rows[0].n;
    }
    const finishedAfter = (Date.now() - since.getTime()) / 1000;
    const { rows } = await owner.query(
      `SELECT EXTRACT(EPOCH FROM ("startedAt" - "createdAt")) * 1000 AS ms FROM "Run" WHERE "workspaceId" = $1 AND "createdAt" >= $2 AND "startedAt" IS NOT NULL`,
      [workspace.id, since],
    );
    const burstLatencies = rows.map((r) => Number(r.ms)).sort((a, b) => a - b);

    // Pick-up latency below capacity: 5 runs a second for 6 seconds into an empty queue.
    const steadySince = new Date();
    for (let i = 0; i < 30; i++) {
      await fetch(`${server.url}/api/v1/runs`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ agent: "support-triage", input: { ticket: "Steady ticket" } }),
      });
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 3_000));
    const steady = (
      await owner.query(
        `SELECT EXTRACT(EPOCH FROM ("startedAt" - "createdAt")) * 1000 AS ms FROM "Run" WHERE "workspaceId" = $1 AND "createdAt" >= $2 AND "startedAt" IS NOT NULL`,
        [workspace.id, steadySince],
      )
    ).rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
    console.log(
      [count, (accepted / SECONDS).toFixed(0), `${finishedAfter.toFixed(1)} s (${open} left)`,
        `${percentile(burstLatencies, 50).toFixed(0)} / ${percentile(burstLatencies, 99).toFixed(0)}`,
        `${percentile(steady, 50).toFixed(0)} / ${percentile(steady, 99).toFixed(0)} (${steady.length} runs)`].join(" | "),
    );
    await Promise.all(workers.map((w) => w.stop()));
  }
} finally {
  await owner.end();
  await server.stop();
  await database.cleanup();
}
