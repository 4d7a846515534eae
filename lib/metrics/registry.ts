// This process's Prometheus metrics (GET /api/metrics). Next bundles a module once per entry (proxy,
// each route, instrumentation), so the registry and its metrics live on globalThis: one per process.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "agenthq_http_requests_total",
      help: "API requests answered, by method, route pattern and status.",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    httpRequestDuration: new Histogram({
      name: "agenthq_http_request_duration_seconds",
      help: "Time to answer an API request (to its headers, for streams), by method and route pattern.",
      labelNames: ["method", "route"] as const,
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    }),
    rateLimitDenials: new Counter({
      name: "agenthq_rate_limit_denials_total",
      help: "Requests refused by a rate limit, by limiter rule.",
      labelNames: ["rule"] as const,
      registers,
    }),
    stripeEvents: new Counter({
      name: "agenthq_stripe_events_total",
      help: "Stripe webhook events received with a valid signature, by type and outcome (applied, duplicate, ignored, unknown_customer).",
      labelNames: ["type", "outcome"] as const,
      registers,
    }),
    quotaPauses: new Counter({
      name: "agenthq_quota_pauses_total",
      help: "Workspaces this process auto-paused at their usage cap, by metric.",
      labelNames: ["metric"] as const,
      registers,
    }),
    runs: new Gauge({
      name: "agenthq_runs",
      help: "Runs of all workspaces by status, counted in the database at scrape time.",
      labelNames: ["status"] as const,
      registers,
    }),
    runQueueJobs: new Gauge({
      name: "agenthq_run_queue_jobs",
      help: "Jobs of the run queue waiting (created, retry) or being worked on (active), at scrape time.",
      labelNames: ["state"] as const,
      registers,
    }),
    pausedWorkspaces: new Gauge({
      name: "agenthq_paused_workspaces",
      help: "Paused workspaces by reason, at scrape time.",
      labelNames: ["reason"] as const,
      registers,
    }),
  };
}

export type AppMetrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { agenthqMetrics?: AppMetrics };

export function appMetrics(): AppMetrics {
  globalForMetrics.agenthqMetrics ??= createMetrics();
  return globalForMetrics.agenthqMetrics;
}

export function recordHttpRequest(request: { method: string; route: string; status: number; seconds: number }): void {
  const { httpRequests, httpRequestDuration } = appMetrics();
  httpRequests.inc({ method: request.method, route: request.route, status: String(request.status) });
  httpRequestDuration.observe({ method: request.method, route: request.route }, request.seconds);
}
