// GET /api/metrics: API requests and latency by route pattern, rate-limit denials, quota pauses, and
// runs, queue jobs and paused workspaces counted in the database across workspaces (as the app role,
// to which row-level security applies); only with the METRICS_TOKEN when one is set.
import { afterAll, describe, expect, it } from "vitest";

process.env.METRICS_TOKEN = "metrics-test-token";
const { GET: getMetrics } = await import("@/app/api/metrics/route");
const { GET: getHealth } = await import("@/app/api/health/route");
const { GET: getV1Run } = await import("@/app/api/v1/runs/[id]/route");
const { checkRateLimit } = await import("@/lib/ratelimit/rate-limiter");
const { pauseForQuota } = await import("@/lib/usage/pause-workspace");
const { QUEUE_SCHEMA, RUN_QUEUE, runQueue } = await import("@/lib/queue/run-queue");
const { ownerDb } = await import("../support/owner-db");
const { createTeam } = await import("../support/workspace-fixture");

const noParams = { params: Promise.resolve({}) };

function scrape(authorization?: string) {
  return getMetrics(new Request("http://test/api/metrics", { headers: authorization ? { authorization } : {} }), noParams);
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

async function samples(): Promise<Sample[]> {
  const response = await scrape("Bearer metrics-test-token");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return (await response.text())
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [, name, labels = "", value] = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      return {
        name: name!,
        labels: Object.fromEntries([...labels.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!])),
        value: Number(value),
      };
    });
}

function valueOf(all: Sample[], name: string, labels: Record<string, string>): number | undefined {
  return all.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

type Counts = Record<string, number>;

const toCounts = (rows: { label: string; count: bigint }[]): Counts => Object.fromEntries(rows.map((r) => [r.label, Number(r.count)]));

/**
 * Scrapes while the database holds still, and counts as its owner what the gauges should say at that
 * moment: test files run in parallel on one database, so the cross-workspace gauges move with the other
 * files' runs and jobs. The tables are locked against writers (readers, the scrape among them, go on);
 * the lock is taken without waiting, retried until free, so this never joins a deadlock.
 */
async function samplesWithDatabaseCounts(): Promise<{ all: Sample[]; runs: Counts; jobs: Counts; paused: Counts }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ownerDb().$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`LOCK TABLE "Run", "Workspace", ${QUEUE_SCHEMA}.job IN SHARE MODE NOWAIT`);
          const runs = toCounts(await tx.$queryRaw`SELECT status::text AS label, count(*) AS count FROM "Run" GROUP BY status`);
          const jobs = toCounts(
            await tx.$queryRawUnsafe(
              `SELECT state::text AS label, count(*) AS count FROM ${QUEUE_SCHEMA}.job
                WHERE name = $1 AND state IN ('created', 'retry', 'active') GROUP BY state`,
              RUN_QUEUE,
            ),
          );
          const paused = toCounts(
            await tx.$queryRaw`SELECT COALESCE("pausedReason", 'unspecified') AS label, count(*) AS count FROM "Workspace" WHERE status = 'paused' GROUP BY 1`,
          );
          return { all: await samples(), runs, jobs, paused };
        },
        { maxWait: 5_000, timeout: 15_000 },
      );
    } catch (error) {
      if (attempt >= 50 || !String(error).includes("55P03")) throw error; // 55P03: lock_not_available
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

const jobIds: string[] = [];
afterAll(async () => {
  const boss = await runQueue();
  for (const id of jobIds) await boss.deleteJob(RUN_QUEUE, id);
});

describe("GET /api/metrics", () => {
  it("answers 401 problem+json without the token, or with a wrong one", async () => {
    for (const authorization of [undefined, "Bearer wrong-token", "metrics-test-token", "Basic bWV0cmljcy10ZXN0LXRva2Vu"]) {
      const response = await scrape(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain("agenthq_");
    }
  });

  it("counts API requests by route pattern and status, with a latency histogram", async () => {
    await getHealth(new Request("http://test/api/health"), noParams);
    await getHealth(new Request("http://test/api/health"), noParams);
    const unauthenticated = await getV1Run(new Request("http://test/api/v1/runs/run_secret_id"), {
      params: Promise.resolve({ id: "run_secret_id" }),
    });
    expect(unauthenticated.status).toBe(401);

    const all = await samples();
    const health = { method: "GET", route: "/api/health" };
    expect(valueOf(all, "agenthq_http_requests_total", { ...health, status: "200" })).toBe(2);
    expect(valueOf(all, "agenthq_http_request_duration_seconds_count", health)).toBe(2);
    expect(valueOf(all, "agenthq_http_request_duration_seconds_bucket", { ...health, le: "+Inf" })).toBe(2);
    expect(valueOf(all, "agenthq_http_requests_total", { method: "GET", route: "/api/v1/runs/[id]", status: "401" })).toBe(1);
    expect(all.some((s) => Object.values(s.labels).some((v) => v.includes("run_secret_id")))).toBe(false);
  });

  it("counts rate-limit denials by limiter rule", async () => {
    const rule = { name: "metrics-test-rule", limit: 1, windowSeconds: 60 };
    expect((await checkRateLimit(rule, "caller")).success).toBe(true);
    expect((await checkRateLimit(rule, "caller")).success).toBe(false);
    expect((await checkRateLimit(rule, "caller")).success).toBe(false);
    expect(valueOf(await samples(), "agenthq_rate_limit_denials_total", { rule: "metrics-test-rule" })).toBe(2);
  });

  it("counts runs, waiting queue jobs and paused workspaces across all workspaces, and quota pauses", async () => {
    const [first, second] = [await createTeam("pro"), await createTeam("pro")];
    // Finished runs, so that no worker of another test file picks them up meanwhile.
    for (const team of [first, second]) {
      await ownerDb().run.create({ data: { workspaceId: team.workspaceId, agent: "research", status: "canceled", input: {} } });
    }
    const boss = await runQueue();
    jobIds.push((await boss.send(RUN_QUEUE, { runId: "metrics-test", workspaceId: first.workspaceId }, { startAfter: 3_600 }))!);
    await pauseForQuota(first.workspaceId, "agent_seconds");
    await pauseForQuota(first.workspaceId, "agent_seconds"); // already paused: not counted again

    // Each gauge says what the database holds (every workspace's rows, though the app role's row-level
    // security shows it none without a workspace set), and that includes what this test just caused.
    const { all, runs, jobs, paused } = await samplesWithDatabaseCounts();
    for (const status of ["queued", "running", "succeeded", "failed", "canceled"]) {
      expect(valueOf(all, "agenthq_runs", { status }), status).toBe(runs[status] ?? 0);
    }
    expect(valueOf(all, "agenthq_runs", { status: "canceled" })).toBeGreaterThanOrEqual(2);
    for (const state of ["created", "retry", "active"]) {
      expect(valueOf(all, "agenthq_run_queue_jobs", { state }), state).toBe(jobs[state] ?? 0);
    }
    expect(valueOf(all, "agenthq_run_queue_jobs", { state: "created" })).toBeGreaterThanOrEqual(1);
    expect(valueOf(all, "agenthq_paused_workspaces", { reason: "quota" })).toBe(paused.quota);
    expect(valueOf(all, "agenthq_paused_workspaces", { reason: "quota" })).toBeGreaterThanOrEqual(1);
    expect(valueOf(all, "agenthq_quota_pauses_total", { metric: "agent_seconds" })).toBe(1);
  });

  it("includes the process's default metrics", async () => {
    const names = new Set((await samples()).map((s) => s.name));
    expect(names).toContain("process_cpu_seconds_total");
    expect(names).toContain("nodejs_eventloop_lag_seconds");
  });
});
