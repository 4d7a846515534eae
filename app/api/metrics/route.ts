// GET /api/metrics — Prometheus text format: API requests and latency, rate-limit denials, quota pauses,
// runs by status, the run queue's backlog, paused workspaces and process metrics. Needs
// `Authorization: Bearer $METRICS_TOKEN` when that is set (docs/monitoring.md).
import { env } from "@/config/env";
import { route } from "@/lib/http/route";
import { refreshDatabaseGauges } from "@/lib/metrics/database-gauges";
import { appMetrics } from "@/lib/metrics/registry";
import { assertMetricsScrapeAllowed } from "@/lib/metrics/scrape-auth";

export const dynamic = "force-dynamic";

export const GET = route(async ({ request }) => {
  assertMetricsScrapeAllowed(request.headers.get("authorization"), env.METRICS_TOKEN);
  await refreshDatabaseGauges();
  const { registry } = appMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});
