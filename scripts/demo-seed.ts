// npm run demo:seed — a demo login and a "Demo" workspace with runs, usage, API keys and audit entries, so
// a fresh install has something to show. Safe to run again: nothing is duplicated. Uses DATABASE_URL, or
// without it the embedded PostgreSQL of `npm start` (shared while the app runs, else started for the seed).
//   --reset-password   give the demo login a new password (printed)
import { spawn } from "node:child_process";
import { appUrl, env } from "@/config/env";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { seedDemo, type DemoSeed } from "@/lib/demo/seed-demo";

const LOCAL_DATABASE = "agenthq"; // the database `npm start` creates in its embedded server

function printLogin(seed: DemoSeed) {
  const password = seed.password ?? "(unchanged: shown when it was set; `npm run demo:seed -- --reset-password` sets a new one)";
  console.log(`Demo workspace ready.\n  log in:    ${appUrl}/login\n  email:     ${seed.email}\n  password:  ${password}\n  workspace: ${appUrl}/w/${seed.slug}`);
}

/** Runs this command again with DATABASE_URL set: the environment is read once, at start-up. */
function seedWith(databaseUrl: string): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

async function seedLocalDatabase(): Promise<number> {
  const { findRunningEmbeddedPostgres, startEmbeddedPostgres } = await import("@/lib/db/embedded-postgres");
  const options = { dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT };
  const running = await findRunningEmbeddedPostgres(options);
  console.log(running ? "Using the embedded PostgreSQL of the running app." : "DATABASE_URL is not set: starting the embedded PostgreSQL of `npm start`.");
  const started = running ? undefined : await startEmbeddedPostgres(options);
  const server = running ?? started!;
  try {
    await server.createDatabase(LOCAL_DATABASE);
    return await seedWith(server.urlFor(LOCAL_DATABASE));
  } finally {
    await started?.stop();
  }
}

try {
  if (!env.DATABASE_URL) process.exit(await seedLocalDatabase());
  await prepareDatabase(env.DATABASE_URL);
  printLogin(await seedDemo({ resetPassword: process.argv.includes("--reset-password") }));
  process.exit(0);
} catch (error) {
  console.error(`Demo seed failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
