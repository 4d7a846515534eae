// Who may scrape GET /api/metrics: anyone without METRICS_TOKEN (firewall it), else only a caller with
// `Authorization: Bearer <token>`. Both sides are hashed first, so the comparison takes the same time
// whatever the presented token's length or content.
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";

const sha256 = (value: string) => createHash("sha256").update(value).digest();

export function assertMetricsScrapeAllowed(authorization: string | null, token: string | undefined): void {
  if (!token) return;
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  if (!timingSafeEqual(sha256(presented), sha256(token))) {
    throw new AppError("unauthorized", "Scraping metrics needs the metrics token as a Bearer token.", {
      headers: { "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
}
