// Reports an unexpected server error to Sentry, tagged with the request id, when Sentry is on. The SDK
// was loaded and initialised at start-up (instrumentation.ts); without a DSN nothing is loaded here.
// A failure to report is ignored: the caller has already logged the error.
import { env } from "@/config/env";

export function reportUnexpectedError(error: unknown, requestId: string): void {
  if (!env.SENTRY_DSN) return;
  void import("@sentry/nextjs")
    .then((Sentry) => Sentry.captureException(error, { tags: { requestId } }))
    .catch(() => undefined);
}
