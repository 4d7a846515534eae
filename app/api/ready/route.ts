// GET /api/ready — readiness: 200 when the database answers, 503 naming what failed otherwise.
import { checkReadiness } from "@/lib/health/check-readiness";
import { json, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const report = await checkReadiness();
  return json({ status: report.ready ? "ready" : "unavailable", checks: report.checks }, report.ready ? 200 : 503);
});
