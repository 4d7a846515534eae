// Browser and API tests against the production build (`next start`), in Debian's Chromium.
import { defineConfig } from "@playwright/test";
import { E2E_PORT, E2E_STRIPE, MAIN_INSTANCE, STRIPE_STAND_IN } from "./e2e/support/instances";

const port = E2E_PORT;
const baseURL = MAIN_INSTANCE;

function server(serverPort: number, redisUrl: string, billing: Record<string, string> = {}) {
  const url = `http://localhost:${serverPort}`;
  return {
    command: `node --require ./lib/http/peer-address-preload.cjs node_modules/next/dist/bin/next start -p ${serverPort}`,
    url: `${url}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      REDIS_URL: redisUrl,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
      SECRETS_KEY: "ZTJlLW9ubHktc2VjcmV0cy1rZXktMzItYnl0ZXMhISE=",
      NEXTAUTH_URL: url,
      LOG_LEVEL: "warn",
      // The suite signs up and logs in many users from one address; per-email limits are tested as shipped.
      AUTH_IP_LIMIT_PER_MINUTE: "1000",
      // Agents' tools in the suite are local servers, as a self-hoster's would be (the refusal of private
      // addresses without this setting is tested in tests/integration/workspace-agents.test.ts).
      ALLOW_PRIVATE_NETWORKS: "1",
      ...billing,
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI === "true",
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // Three instances of the same build: two sharing Redis (when TEST_REDIS_URL is set) for the
  // cross-instance tests, with billing against the Stripe stand-in, and one on the in-memory rate limiter
  // with billing off.
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs e2e/support/stripe-stand-in-server.ts",
      url: `${STRIPE_STAND_IN}/_health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
    server(port, process.env.TEST_REDIS_URL ?? "", E2E_STRIPE),
    server(port + 1, process.env.TEST_REDIS_URL ?? "", E2E_STRIPE),
    server(port + 2, ""),
  ],
});
