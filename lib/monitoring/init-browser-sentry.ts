// Sentry for the browser, loaded on demand by instrumentation-client.ts only when a DSN was built in.
import * as Sentry from "@sentry/nextjs";
import { sentryOptions } from "./sentry-options";
import type { SentryTags } from "./sentry-tags";

export function initBrowserSentry(dsn: string, tags: Partial<SentryTags>): void {
  Sentry.init(sentryOptions(dsn, tags));
}
