// npm start — the whole product from one command. With no environment it runs an embedded PostgreSQL
// under .data/, migrates it, builds the app if there is no build yet, and serves it. Ctrl-C or SIGTERM
// stops the app and then the embedded database.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/config/env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { LOCAL_DATABASE } from "@/lib/db/local-database";
import { prepareDatabase } from "@/lib/db/prepare-database";

const dev = process.argv.includes("--dev");
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const say = (message: string) => console.log(`[agenthq] ${message}`);

/**
 * A secret generated once and kept in DATA_DIR, so a local install's sessions (auth-secret) and its
 * workspaces' encrypted secrets (secrets-key) survive restarts.
 */
async function localSecret(dataDir: string, name: string, encoding: "base64url" | "base64"): Promise<string> {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString(encoding);
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

let embedded: EmbeddedDatabase | undefined;
let databaseUrl = env.DATABASE_URL;
if (!databaseUrl) {
  say(`DATABASE_URL is not set: starting embedded PostgreSQL in ${path.join(env.DATA_DIR, "postgres")} (port ${env.EMBEDDED_PG_PORT})`);
  embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT });
  await embedded.createDatabase(LOCAL_DATABASE);
  databaseUrl = embedded.urlFor(LOCAL_DATABASE);
}

async function stopDatabase() {
  if (!embedded) return;
  say("stopping embedded PostgreSQL");
  await embedded.stop().catch(() => undefined);
  embedded = undefined;
}

try {
  const result = await prepareDatabase(databaseUrl);
  say(result.applied.length ? `applied migrations: ${result.applied.join(", ")}` : "database schema is up to date");
} catch (error) {
  console.error(`[agenthq] migration failed: ${error instanceof Error ? error.message : error}`);
  await stopDatabase();
  process.exit(1);
}

if (!dev && !existsSync(".next/BUILD_ID")) {
  say("no production build found: running `next build` (first start only)");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) {
    await stopDatabase();
    process.exit(build.status ?? 1);
  }
}

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? (await localSecret(env.DATA_DIR, "auth-secret", "base64url")),
  SECRETS_KEY: env.SECRETS_KEY ?? (await localSecret(env.DATA_DIR, "secrets-key", "base64")),
  NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
  AGENTHQ_EMBEDDED_DB: embedded ? "1" : "",
};
const local = [
  embedded && "embedded PostgreSQL",
  !env.NEXTAUTH_SECRET && "generated auth secret",
  !env.SECRETS_KEY && "generated secrets key",
].filter(Boolean);
if (local.length) say(`local defaults in use: ${local.join(", ")}`);

// The preload stamps each request with its socket's address, for per-IP limits (lib/http/client-ip.ts).
const preload = path.resolve("lib/http/peer-address-preload.cjs");
const app = spawn(process.execPath, ["--require", preload, nextBin, dev ? "dev" : "start", "-p", String(env.PORT)], {
  stdio: "inherit",
  env: childEnv,
});
say(`serving on http://localhost:${env.PORT}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.kill(signal);
  });
}
app.on("exit", async (code, signal) => {
  await stopDatabase();
  process.exit(code ?? (signal ? 0 : 1));
});
