// Next.js calls register() once per server process at start-up: here it starts the in-process run
// workers (RUN_WORKERS, default 2; 0 to leave runs to `npm run worker` processes).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/config/env");
  if (!env.DATABASE_URL || env.RUN_WORKERS === 0) return;
  const { startRunWorker } = await import("@/lib/runs/run-worker");
  await startRunWorker(env.RUN_WORKERS);
}
