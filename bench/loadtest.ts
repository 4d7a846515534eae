// npm run loadtest — simulated users against a production build: 2 app instances and 2 worker processes
// sharing PostgreSQL and Redis. Each user signs up, logs in, creates a workspace and an API key, starts
// runs and polls them to the end, then reads its usage. For 10, 100 and 500 concurrent users (or
// LOADTEST_USERS=…): error rate (non-429), p50/p99 latency, throughput, and whether each workspace's
// usage ledger matches the API calls it was answered exactly. Figures: docs/loadtest.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import pg from "pg";
import { startAppInstance, startWorkerProcess, type AppProcess } from "@/tests/support/app-process";
import { provisionTestDatabase } from "@/tests/support/test-database";
import { HttpSession } from "./support/http-session";

const USER_COUNTS = (process.env.LOADTEST_USERS ?? "10,100,500").split(",").map(Number);
const RUNS_PER_USER = Number(process.env.LOADTEST_RUNS_PER_USER || 2);
const POLL_MS = 500;
const PORTS = [3210, 3211];
const REDIS_PORT = 6396;
const PASSWORD = "load-Password-1234";

interface Sample {
  kind: string;
  status: number; // 0: no answer (network error or timeout)
  ms: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const isError = (status: number) => status === 0 || (status >= 400 && status !== 429);

/** One simulated user's journey; every request is timed into `samples`. */
async function simulateUser(baseUrl: string, samples: Sample[], v1Answered: Map<string, number>): Promise<void> {
  const session = new HttpSession(baseUrl);
  const timed = async (kind: string, call: () => Promise<Response>): Promise<Response | null> => {
    const started = performance.now();
    try {
      const response = await call();
      samples.push({ kind, status: response.status, ms: performance.now() - started });
      return response;
    } catch {
      samples.push({ kind, status: 0, ms: performance.now() - started });
      return null;
    }
  };
  const jsonBody = (body: unknown): RequestInit => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

  const email = `load-${randomBytes(6).toString("hex")}@example.test`;
  if (
    (await timed("sign up", () => session.request("/api/auth/signup", jsonBody({ email, password: PASSWORD, name: "Load" }))))?.status !==
    201
  )
    return;
  const csrf = await timed("log in", () => session.request("/api/auth/csrf"));
  if (!csrf?.ok) return;
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await timed("log in", () =>
    session.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
    }),
  );
  if (!login?.ok) return;
  const workspace = await timed("create workspace", () => session.request("/api/workspaces", jsonBody({ name: "Load test" })));
  if (workspace?.status !== 201) return;
  const { id: workspaceId, slug } = (await workspace.json()) as { id: string; slug: string };
  const created = await timed("create key", () => session.request(`/api/workspaces/${slug}/keys`, jsonBody({ name: "load" })));
  if (created?.status !== 201) return;
  const { key } = (await created.json()) as { key: string };

  const v1 = async (kind: string, path: string, init: RequestInit = {}) => {
    const response = await timed(kind, () =>
      fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        signal: AbortSignal.timeout(30_000),
      }),
    );
    // Every v1 call the API answered, except rate-limit refusals, is one API call in the ledger.
    if (response && response.status !== 429) v1Answered.set(workspaceId, (v1Answered.get(workspaceId) ?? 0) + 1);
    return response;
  };
  for (let i = 0; i < RUNS_PER_USER; i++) {
    const run = await v1("v1 start run", "/api/v1/runs", {
      method: "POST",
      body: JSON.stringify({ agent: "support-triage", input: { ticket: `Load ticket ${i}` } }),
    });
    if (run?.status !== 202) continue;
    const { id } = (await run.json()) as { id: string };
    for (;;) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const polled = await v1("v1 poll run", `/api/v1/runs/${id}`);
      if (!polled || polled.status !== 200) {
        if (polled?.status === 429) continue;
        break;
      }
      const { status } = (await polled.json()) as { status: string };
      if (["succeeded", "failed", "canceled"].includes(status)) break;
    }
  }
  await v1("v1 usage", "/api/v1/usage");
}

function startRedis(): ChildProcess | null {
  if (process.env.REDIS_URL || !existsSync("/usr/bin/redis-server")) return null;
  return spawn("/usr/bin/redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
}

if (!existsSync(".next/BUILD_ID")) {
  console.log("[loadtest] no build: running next build");
  if (spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

const database = await provisionTestDatabase("loadtest", 54369);
const redis = startRedis();
const redisUrl = process.env.REDIS_URL ?? (redis ? `redis://127.0.0.1:${REDIS_PORT}` : "");
if (!redisUrl) console.log("[loadtest] no Redis: each instance limits in memory (install redis-server or set REDIS_URL)");
const shared = {
  DATABASE_URL: database.url,
  REDIS_URL: redisUrl,
  OFFLINE_TURN_MS: "100",
  LOG_LEVEL: "warn",
};
const processes: AppProcess[] = [];
const owner = new pg.Client({ connectionString: database.url });
let failed = false;

try {
  await new Promise((r) => setTimeout(r, 300)); // Redis binding its port
  for (const port of PORTS) {
    processes.push(
      await startAppInstance(port, {
        ...shared,
        RUN_WORKERS: "0",
        // All simulated users come from this one address; the per-IP sign-up ceiling would stop them.
        AUTH_IP_LIMIT_PER_MINUTE: "1000000",
        NEXTAUTH_SECRET: "loadtest-only-secret",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      }),
    );
  }
  for (let i = 0; i < 2; i++) processes.push(await startWorkerProcess({ ...shared, RUN_WORKERS: "4" }));
  await owner.connect();

  console.log(
    `[loadtest] 2 app instances (ports ${PORTS.join(", ")}), 2 worker processes (4 runs each), Redis ${redisUrl ? "shared" : "off"}; ${RUNS_PER_USER} runs per user, polled every ${POLL_MS} ms`,
  );
  console.log(
    "\nusers | requests | errors (non-429) | 429s | p50 ms | p99 ms | requests/s | runs succeeded | usage ledger vs calls answered | wall s",
  );
  console.log("---|---|---|---|---|---|---|---|---|---");
  for (const users of USER_COUNTS) {
    const samples: Sample[] = [];
    const v1Answered = new Map<string, number>();
    const started = performance.now();
    await Promise.all(Array.from({ length: users }, (_, i) => simulateUser(processes[i % PORTS.length]!.url, samples, v1Answered)));
    const wallSeconds = (performance.now() - started) / 1000;

    const ids = [...v1Answered.keys()];
    const { rows } = await owner.query<{ workspaceId: string; ledger: string; counter: string; succeeded: string }>(
      `SELECT w.id AS "workspaceId",
              (SELECT COALESCE(SUM(quantity), 0) FROM "UsageEvent" e WHERE e."workspaceId" = w.id AND e.metric = 'api_calls') AS ledger,
              (SELECT COALESCE(SUM(used), 0) FROM "UsageCounter" c WHERE c."workspaceId" = w.id AND c.metric = 'api_calls') AS counter,
              (SELECT count(*) FROM "Run" r WHERE r."workspaceId" = w.id AND r.status = 'succeeded') AS succeeded
         FROM "Workspace" w WHERE w.id = ANY($1)`,
      [ids],
    );
    const mismatched = rows.filter((r) => Number(r.ledger) !== v1Answered.get(r.workspaceId) || Number(r.counter) !== Number(r.ledger));
    const answered = [...v1Answered.values()].reduce((a, b) => a + b, 0);
    const ledgerTotal = rows.reduce((sum, r) => sum + Number(r.ledger), 0);
    const succeeded = rows.reduce((sum, r) => sum + Number(r.succeeded), 0);
    const latencies = samples.map((s) => s.ms).sort((a, b) => a - b);
    const errors = samples.filter((s) => isError(s.status));
    const journeysFinished = ids.length;
    console.log(
      [
        users,
        samples.length,
        `${errors.length} (${((100 * errors.length) / samples.length).toFixed(2)}%)`,
        samples.filter((s) => s.status === 429).length,
        percentile(latencies, 50).toFixed(0),
        percentile(latencies, 99).toFixed(0),
        (samples.length / wallSeconds).toFixed(0),
        `${succeeded} of ${users * RUNS_PER_USER}`,
        mismatched.length === 0 && journeysFinished === users
          ? `exact (${ledgerTotal} = ${answered})`
          : `MISMATCH in ${mismatched.length} workspaces, ${users - journeysFinished} journeys unfinished`,
        wallSeconds.toFixed(1),
      ].join(" | "),
    );
    if (errors.length > 0) {
      const byKind = new Map<string, number>();
      for (const e of errors)
        byKind.set(`${e.kind} → ${e.status || "no answer"}`, (byKind.get(`${e.kind} → ${e.status || "no answer"}`) ?? 0) + 1);
      console.log(`  errors: ${[...byKind].map(([k, n]) => `${k} ×${n}`).join(", ")}`);
      const logged = processes.flatMap((p) => p.output().split("\n")).filter((line) => /"level":"(error|warn)"/.test(line));
      if (logged.length) console.log(`  app log:\n    ${logged.slice(-10).join("\n    ")}`);
    }
    const steps = [...new Set(samples.map((s) => s.kind))].map((kind) => {
      const ms = samples
        .filter((s) => s.kind === kind)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      return `${kind} ${percentile(ms, 50).toFixed(0)}/${percentile(ms, 99).toFixed(0)}`;
    });
    console.log(`  p50/p99 ms by step: ${steps.join(", ")}`);
    if (errors.length > 0 || mismatched.length > 0 || journeysFinished !== users) failed = true;
  }
} finally {
  await owner.end().catch(() => undefined);
  await Promise.all(processes.map((p) => p.stop()));
  redis?.kill("SIGTERM");
  await database.cleanup();
}
process.exit(failed ? 1 : 0);
