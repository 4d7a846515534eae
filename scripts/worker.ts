// npm run worker — a run worker process. Needs DATABASE_URL (the same database as the app). Stops
// gracefully on SIGTERM/SIGINT: running runs finish first (up to 30 s).
import { env } from "@/config/env";
import { startRunWorker } from "@/lib/runs/run-worker";

if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: a worker needs the app's database.");
  process.exit(2);
}
if (env.SENTRY_DSN) (await import("@/lib/monitoring/init-server-sentry")).initServerSentry(env.SENTRY_DSN);
const worker = startRunWorker(Math.max(1, env.RUN_WORKERS));
// Listening before the worker has started, so that a stop signal during start-up also stops it gracefully.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await (await worker).stop();
    process.exit(0);
  });
}
await worker;
