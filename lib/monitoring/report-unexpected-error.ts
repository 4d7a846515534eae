// Reports an unexpected server error to Sentry, tagged with the request or run id, when Sentry is on. The
// SDK was initialised at start-up (instrumentation.ts, scripts/worker.ts); without a DSN nothing is loaded.
// A failure to report is ignored: the caller has already logged the error.
import { env } from "@/config/env";

export function reportUnexpectedError(error: unknown, tags: { requestId: string } | { runId: string }): void {
  if (!env.SENTRY_DSN) return;
  void import("@sentry/nextjs").then((Sentry) => Sentry.captureException(error, { tags })).catch(() => undefined);
}
