// GET /api/metrics — Prometheus text format: API requests and latency, rate-limit denials, quota pauses,
// runs by status, the run queue's backlog, paused workspaces and process metrics. Needs
// `Authorization: Bearer $METRICS_TOKEN` when that is set (docs/monitoring.md).
import { env } from "@/config/env";
import { clientIp } from "@/lib/http/client-ip";
import { route } from "@/lib/http/route";
import { refreshDatabaseGauges } from "@/lib/metrics/database-gauges";
import { appMetrics } from "@/lib/metrics/registry";
import { assertMetricsScrapeAllowed } from "@/lib/metrics/scrape-auth";
import { rateLimited } from "@/lib/ratelimit/rate-limited";
import { checkRateLimit } from "@/lib/ratelimit/rate-limiter";

export const dynamic = "force-dynamic";

/** A scrape counts across all workspaces: ample for Prometheus (a few a minute), not for a flood. */
const SCRAPE_RULE = { name: "metrics-scrape-ip", limit: 60, windowSeconds: 60 };

export const GET = route(async ({ request }) => {
  assertMetricsScrapeAllowed(request.headers.get("authorization"), env.METRICS_TOKEN);
  const limit = await checkRateLimit(SCRAPE_RULE, clientIp(request.headers));
  if (!limit.success) throw rateLimited("Too many scrapes from this address.", limit);
  await refreshDatabaseGauges();
  const { registry } = appMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});
