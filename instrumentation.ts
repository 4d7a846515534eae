// Next.js calls register() once per server process at start-up: it starts Sentry when SENTRY_DSN is set
// (server and edge runtimes), then the in-process run workers (RUN_WORKERS, default 2; 0 to leave runs
// to `npm run worker` processes). onRequestError reports errors Next catches itself (pages, server
// components, the proxy); route handlers report theirs through lib/http/problem.ts.
import type { Instrumentation } from "next";

export async function register() {
  const { env } = await import("@/config/env");
  if (env.SENTRY_DSN) {
    const { initServerSentry } = await import("@/lib/monitoring/init-server-sentry");
    initServerSentry(env.SENTRY_DSN);
  }
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (!env.DATABASE_URL || env.RUN_WORKERS === 0) return;
  const { startRunWorker } = await import("@/lib/runs/run-worker");
  await startRunWorker(env.RUN_WORKERS);
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { env } = await import("@/config/env");
  if (!env.SENTRY_DSN) return;
  const Sentry = await import("@sentry/nextjs");
  Sentry.captureRequestError(error, request, context);
};
