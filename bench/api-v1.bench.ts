// npm run bench — throughput and latency of GET /api/v1/workspace through the whole v1 path (key
// authentication, tier rate limit, usage metering) against a bare route handler in the same server, at
// 1, 10 and 50 connections, in one run. Prints the ratios, and checks that the usage ledger counted
// exactly the calls that were answered. Beside them, a reference: the bare handler plus one read-only
// round trip to PostgreSQL (/api/bench/database-read), the floor of any path that touches the database
// (the v1 path makes one round trip, a write). All three are measured in alternating slices (BENCH_ROUNDS,
// default 5, of BENCH_SECONDS / rounds each; BENCH_SECONDS default 10), so a slower moment of a shared
// machine weighs on all of them alike; each ratio is the median of the rounds' ratios. A second table gives
// the server's main-thread CPU per request and how busy that thread was, for each of the three (Linux).
// With BENCH_REDIS_URL the rate limiter runs on that Redis, else in memory.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import { startAppInstance } from "@/tests/support/app-process";
import { provisionTestDatabase } from "@/tests/support/test-database";
import { mainThreadCpuSeconds } from "./support/main-thread-cpu";
import { enterpriseWorkspaceWithKey } from "./support/workspace-with-key";

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
/** Issue 14's target: the v1 path at least this share of the bare handler's throughput, at every concurrency. */
const TARGET_RATIO = 0.8;
const CONNECTIONS = [1, 10, 50];
const PORT = Number(process.env.BENCH_PORT || 3200);

interface Measurement {
  rps: number;
  /** The server's main-thread CPU over the slice and its length, in seconds (cpu is null off Linux). */
  cpu: number | null;
  seconds: number;
  requests: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
}

async function measure(
  url: string,
  connections: number,
  headers: Record<string, string> = {},
  seconds = SECONDS / ROUNDS,
): Promise<Measurement> {
  const cpuBefore = mainThreadCpuSeconds(server.child.pid!);
  const started = performance.now();
  const result = await autocannon({ url, connections, duration: seconds, headers });
  const cpuAfter = mainThreadCpuSeconds(server.child.pid!);
  return {
    rps: result.requests.average,
    cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    seconds: (performance.now() - started) / 1000,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

if (!existsSync(".next/BUILD_ID")) {
  console.log("[bench] no build: running next build");
  if (spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

const database = await provisionTestDatabase("bench", 54349);
const server = await startAppInstance(PORT, {
  DATABASE_URL: database.url,
  BENCH_ROUTES: "1",
  ENTERPRISE_RATE_LIMIT_PER_MINUTE: "100000000",
  REDIS_URL: process.env.BENCH_REDIS_URL ?? "",
  LOG_LEVEL: "warn",
  RUN_WORKERS: "0",
  NEXTAUTH_SECRET: "bench-only-secret",
  NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
});

try {
  // Enterprise: no monthly cap, and a per-minute limit set far above what this machine can send.
  const { session, workspace, key } = await enterpriseWorkspaceWithKey(server.url, database.url);
  const auth = { authorization: `Bearer ${key}` };

  console.log(
    `[bench] ${SECONDS} s per measurement in ${ROUNDS} alternating slices, rate limiter: ${process.env.BENCH_REDIS_URL ? "Redis" : "memory"}, database: ${database.embedded ? "embedded" : "DATABASE_URL"}`,
  );
  await measure(`${server.url}/api/bench/bare`, 10);
  await measure(`${server.url}/api/v1/workspace`, 10, auth); // warm-up
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const combine = (slices: Measurement[]): Measurement => ({
    rps: slices.reduce((sum, m) => sum + m.rps, 0) / slices.length,
    p50: median(slices.map((m) => m.p50)),
    p99: median(slices.map((m) => m.p99)),
    cpu: slices.some((m) => m.cpu === null) ? null : slices.reduce((sum, m) => sum + m.cpu!, 0),
    seconds: slices.reduce((sum, m) => sum + m.seconds, 0),
    requests: slices.reduce((sum, m) => sum + m.requests, 0),
    ok: slices.reduce((sum, m) => sum + m.ok, 0),
    errors: slices.reduce((sum, m) => sum + m.errors, 0),
  });
  const rows = [];
  for (const connections of CONNECTIONS) {
    const bareSlices: Measurement[] = [];
    const v1Slices: Measurement[] = [];
    const readSlices: Measurement[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareSlices.push(await measure(`${server.url}/api/bench/bare`, connections));
      v1Slices.push(await measure(`${server.url}/api/v1/workspace`, connections, auth));
      readSlices.push(await measure(`${server.url}/api/bench/database-read`, connections));
    }
    const ratioTo = (slices: Measurement[]) => median(slices.map((m, i) => m.rps / bareSlices[i]!.rps));
    rows.push({
      connections,
      bare: combine(bareSlices),
      v1: combine(v1Slices),
      read: combine(readSlices),
      ratio: ratioTo(v1Slices),
      readRatio: ratioTo(readSlices),
    });
  }

  console.log(
    `\nconnections | bare req/s | v1 req/s | throughput ratio (median of ${ROUNDS} rounds; target ≥ ${TARGET_RATIO * 100}%) | reference: bare + one SELECT 1 | bare p50/p99 ms | v1 p50/p99 ms | added p50 ms | v1 errors`,
  );
  console.log("---|---|---|---|---|---|---|---|---");
  for (const { connections, bare, v1, ratio, readRatio } of rows) {
    console.log(
      [
        connections,
        bare.rps.toFixed(0),
        v1.rps.toFixed(0),
        `${(ratio * 100).toFixed(1)}% ${ratio >= TARGET_RATIO ? "✓" : "✗"}`,
        `${(readRatio * 100).toFixed(1)}%`,
        `${bare.p50}/${bare.p99}`,
        `${v1.p50}/${v1.p99}`,
        (v1.p50 - bare.p50).toFixed(1),
        v1.errors,
      ].join(" | "),
    );
  }

  // Where the time goes: the server's main thread runs JavaScript for every request, so once it is busy
  // nearly all the time, each request's CPU there sets the throughput (README, "Benchmark", on what that
  // means for the v1 path at 1 connection).
  if (rows.every((row) => row.bare.cpu !== null)) {
    const perRequest = (m: Measurement) => `${((m.cpu! / m.requests) * 1000).toFixed(2)} ms, ${((m.cpu! / m.seconds) * 100).toFixed(0)}%`;
    console.log("\nconnections | server main thread: CPU per request, share of time busy — bare | v1 | reference");
    console.log("---|---|---|---");
    for (const { connections, bare, v1, read } of rows)
      console.log([connections, perRequest(bare), perRequest(v1), perRequest(read)].join(" | "));
  }

  // Exactness under load: a fixed number of calls (none cut off by a time limit) must add exactly that
  // many to the usage counter.
  const usageNow = async () =>
    (await session.json<{ apiCalls: { used: number } }>(`/api/workspaces/${workspace.slug}/usage`)).apiCalls.used;
  const before = await usageNow();
  const fixed = await autocannon({ url: `${server.url}/api/v1/workspace`, connections: 50, amount: 2_000, headers: auth });
  const counted = (await usageNow()) - before;
  console.log(
    `\nexactness: 2000 calls at 50 connections, ${fixed["2xx"]} answered 2xx, usage counter rose by ${counted}: ${counted === fixed["2xx"] ? "exact" : "MISMATCH"}`,
  );
  if (counted !== fixed["2xx"]) process.exitCode = 1;
} finally {
  await server.stop();
  await database.cleanup();
}
