// Sentry for the server and edge runtimes, started by instrumentation.ts only when SENTRY_DSN is set.
import * as Sentry from "@sentry/nextjs";
import { env } from "@/config/env";
import { sentryOptions } from "./sentry-options";
import { sentryTags } from "./sentry-tags";

export function initServerSentry(dsn: string): void {
  Sentry.init(sentryOptions(dsn, sentryTags(env)));
}
