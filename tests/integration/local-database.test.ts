// The embedded default without a DATABASE_URL: `npm run admin` (like `npm run demo:seed`) runs against the
// embedded PostgreSQL of `npm start`, sharing it while the app runs, else starting it for the command and
// stopping it after.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { LOCAL_DATABASE } from "@/lib/db/local-database";
import { prepareDatabase } from "@/lib/db/prepare-database";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), "agenthq-local-"));
await chmod(dataDir, 0o755);
const port = await freePort();
const slug = "local-admin";
let server: EmbeddedDatabase | undefined;

/** `npm run admin -- …` as an operator beside `npm start` would run it: no DATABASE_URL, only DATA_DIR and the port. */
function admin(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) };
  delete env.DATABASE_URL;
  const child = spawn("npm", ["run", "--silent", "admin", "--", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (status) => resolve({ status, stdout, stderr })));
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server!.urlFor(LOCAL_DATABASE) });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  // An install that `npm start` has run once: the embedded database, migrated, with one workspace.
  server = await startEmbeddedPostgres({ dataDir, port });
  await server.createDatabase(LOCAL_DATABASE);
  await prepareDatabase(server.urlFor(LOCAL_DATABASE));
  await query(`INSERT INTO "Workspace" (id, slug, name, "updatedAt") VALUES ('ws_local_admin', $1, 'Local', now())`, [slug]);
  await server.stop();
  server = undefined;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("npm run admin on the embedded default", () => {
  it("starts the embedded PostgreSQL when the app is not running, sets the tier, and stops it again", async () => {
    const result = await admin("set-tier", slug, "pro");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("starting the embedded PostgreSQL");
    expect(result.stdout).toContain(`${slug}: free → pro`);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  }, 60_000);

  it("uses the running app's embedded PostgreSQL, and leaves it running", async () => {
    server = await startEmbeddedPostgres({ dataDir, port });
    const result = await admin("set-tier", slug, "starter");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("Using the embedded PostgreSQL of the running app");
    expect(result.stdout).toContain(`${slug}: pro → starter`);

    expect(await query(`SELECT tier FROM "Workspace" WHERE slug = $1`, [slug])).toEqual([{ tier: "starter" }]);
    const changes = await query<{ metadata: unknown }>(
      `SELECT metadata FROM "AuditLog" WHERE "workspaceId" = 'ws_local_admin' AND action = 'tier.changed' ORDER BY at`,
    );
    expect(changes.map((c) => c.metadata)).toEqual([
      { from: "free", to: "pro", source: "admin-cli" },
      { from: "pro", to: "starter", source: "admin-cli" },
    ]);
  }, 60_000);
});
