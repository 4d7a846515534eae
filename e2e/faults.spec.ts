// Fault tests: one app instance of the production build on its own embedded PostgreSQL and its own Redis,
// so the test can take them away. PostgreSQL restarts under load (503s, then recovery without restarting
// the app), Redis stops (rate limits fail open, quotas still hold), and SIGTERM lets in-flight requests
// finish. A worker killed mid-run is tests/integration/worker-crash.test.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { prepareDatabase } from "../lib/db/prepare-database";
import { startAppInstance, type AppProcess } from "../tests/support/app-process";
import { signUpAndLogIn } from "./support/accounts";
import { createKey } from "./support/keys";

const PG_PORT = 54359;
const REDIS_PORT = 6395;
const APP_PORT = 3110;
const REDIS_SERVER = "/usr/bin/redis-server";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

let dataDir: string;
let database: EmbeddedDatabase;
let databaseUrl: string;
let redis: ChildProcess | undefined;
let app: AppProcess;
let key: string;

function startRedis(): ChildProcess {
  return spawn(REDIS_SERVER, ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
}

const v1 = (route: string, init: RequestInit = {}) =>
  fetch(`${app.url}${route}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    signal: AbortSignal.timeout(20_000),
  });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = await mkdtemp(path.join(os.tmpdir(), "agenthq-faults-"));
  await chmod(dataDir, 0o755);
  database = await startEmbeddedPostgres({ dataDir, port: PG_PORT });
  await database.createDatabase("faults");
  databaseUrl = database.urlFor("faults");
  await prepareDatabase(databaseUrl);
  if (existsSync(REDIS_SERVER)) {
    redis = startRedis();
    await new Promise((r) => setTimeout(r, 500));
  }
  app = await startAppInstance(APP_PORT, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis ? `redis://127.0.0.1:${REDIS_PORT}` : "",
    NEXTAUTH_SECRET: "faults-only-secret",
    NEXTAUTH_URL: `http://127.0.0.1:${APP_PORT}`,
    AUTH_IP_LIMIT_PER_MINUTE: "1000",
    RUN_WORKERS: "1",
    OFFLINE_TURN_MS: "400",
    LOG_LEVEL: "warn",
  });
  const owner = await signUpAndLogIn(app.url, "faults");
  const created = await owner.api.post("/api/workspaces", { data: { name: "Faults" } });
  const { slug } = await created.json();
  key = (await createKey(owner, slug)).key;
});

test.afterAll(async () => {
  await app?.stop("SIGKILL");
  redis?.kill("SIGKILL");
  await database?.stop().catch(() => undefined);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("a PostgreSQL restart under load: 503 problem+json while it is down, recovery without restarting the app", async () => {
  expect((await v1("/api/v1/usage")).status).toBe(200);

  // Load: a steady stream of calls through the restart. None may hang or answer anything but 200 or 503.
  const statuses: number[] = [];
  let slowest = 0;
  let loading = true;
  const load = (async () => {
    while (loading) {
      const started = Date.now();
      const response = await v1("/api/v1/usage");
      slowest = Math.max(slowest, Date.now() - started);
      statuses.push(response.status);
      await response.arrayBuffer();
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  await new Promise((r) => setTimeout(r, 500));
  await database.stop();
  const during = await v1("/api/v1/usage");
  expect(during.status).toBe(503);
  expect(during.headers.get("content-type")).toContain("application/problem+json");
  expect(await during.json()).toMatchObject({ code: "unavailable", status: 503 });
  expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  expect((await fetch(`${app.url}/api/ready`)).status).toBe(503);
  await new Promise((r) => setTimeout(r, 2_000));

  database = await startEmbeddedPostgres({ dataDir, port: PG_PORT });
  await expect.poll(async () => (await v1("/api/v1/usage")).status, { timeout: 30_000, intervals: [250] }).toBe(200);
  loading = false;
  await load;

  expect(app.child.exitCode).toBeNull();
  const unexpected = app
    .output()
    .split("\n")
    .filter((line) => !line.includes("database unavailable") && !line.includes("idle database"));
  expect(
    statuses.filter((s) => s !== 200 && s !== 503),
    unexpected.join("\n"),
  ).toEqual([]);
  expect(statuses).toContain(503);
  expect(slowest).toBeLessThan(10_000);
  expect((await fetch(`${app.url}/api/ready`)).status).toBe(200);
});

test("Redis stopped: rate limits fail open and quotas still hold", async () => {
  test.skip(!redis, "redis-server is not installed");
  const before = await v1("/api/v1/workspace");
  expect(before.status).toBe(200);
  expect(before.headers.get("ratelimit-limit")).toBe("60");

  redis!.kill("SIGKILL");
  await new Promise((r) => setTimeout(r, 300));
  const started = Date.now();
  const during = await v1("/api/v1/workspace");
  expect(during.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(5_000);

  // The quota lives in PostgreSQL: two calls short of Free's 10,000, two more pass and the next is refused.
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  await owner.query(`UPDATE "UsageCounter" SET used = 9998 WHERE metric = 'api_calls'`);
  await owner.end();
  expect((await v1("/api/v1/workspace")).status).toBe(200);
  expect((await v1("/api/v1/workspace")).status).toBe(200);
  const refused = await v1("/api/v1/workspace");
  expect(refused.status).toBe(402);
  expect(await refused.json()).toMatchObject({ code: "quota_exceeded" });

  redis = startRedis(); // back for the next test
  await new Promise((r) => setTimeout(r, 500));
});

test("SIGTERM: the in-flight request finishes, then the instance exits", async () => {
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  await owner.query(`UPDATE "UsageCounter" SET used = 0 WHERE metric = 'api_calls'`);
  await owner.end();

  const created = await v1("/api/v1/runs", {
    method: "POST",
    body: JSON.stringify({ agent: "support-triage", input: { ticket: "SIGTERM test" } }),
  });
  expect(created.status).toBe(202);
  const run = await created.json();
  const stream = await v1(`/api/v1/runs/${run.id}/events`);
  expect(stream.status).toBe(200);
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const first = await reader.read();
  text += decoder.decode(first.value);

  const exitCode = app.stop("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  await expect(fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();

  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  expect(text).toContain("event: done");
  expect(text).toContain('"status":"succeeded"');
  expect(await exitCode).not.toBeNull();
});
