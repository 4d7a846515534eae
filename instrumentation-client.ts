// Browser error reporting (Sentry), on only when NEXT_PUBLIC_SENTRY_DSN was set at build time: Next
// inlines these literal process.env reads into the bundle (config/env.ts is server-only). The SDK is
// imported on demand, so without a DSN no page ships any of it.
const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;

if (dsn) {
  const tags = { release: process.env.NEXT_PUBLIC_SENTRY_RELEASE, environment: process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT };
  void import("@/lib/monitoring/init-browser-sentry").then(({ initBrowserSentry }) => initBrowserSentry(dsn, tags));
}
