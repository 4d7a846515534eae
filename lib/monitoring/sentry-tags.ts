// The release and environment Sentry events carry. next.config.ts applies the same rule at build time
// for the browser, whose bundle cannot read the server's environment.
import packageJson from "../../package.json";

export interface SentryTags {
  release: string;
  environment: string;
}

export function sentryTags(source: { SENTRY_RELEASE?: string; SENTRY_ENVIRONMENT?: string; NODE_ENV?: string }): SentryTags {
  return {
    release: source.SENTRY_RELEASE || `agenthq@${packageJson.version}`,
    environment: source.SENTRY_ENVIRONMENT || source.NODE_ENV || "production",
  };
}
