// The Sentry options every runtime shares (server, edge, browser): errors only (no tracing), no
// personal data, and every event and breadcrumb scrubbed before it leaves the process.
import { scrubBreadcrumb, scrubEvent } from "./scrub-sentry-event";
import type { SentryTags } from "./sentry-tags";

export function sentryOptions(dsn: string, tags: Partial<SentryTags>) {
  return {
    dsn,
    release: tags.release,
    environment: tags.environment,
    sendDefaultPii: false,
    beforeSend: scrubEvent,
    beforeBreadcrumb: scrubBreadcrumb,
  };
}
