// npm test — unit and integration tests (Vitest) on a real PostgreSQL, then the browser and API suite
// (Playwright, Debian's Chromium) against a production build. PostgreSQL is the server of DATABASE_URL
// when set (a scratch database is created on it and dropped afterwards), else an embedded one started
// and stopped here. Set SKIP_BUILD=1 to reuse an existing build; SKIP_E2E=1 (never in CI) to skip the browser.
// Arguments after `--` are passed to Vitest (e.g. `SKIP_E2E=1 npm test -- tests/integration/billing.test.ts`).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { provisionTestDatabase } from "@/tests/support/test-database";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const say = (message: string) => console.log(`\n[test] ${message}`);

function run(command: string, args: string[], env: Record<string, string>): boolean {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

const skipE2e = process.env.SKIP_E2E === "1" && process.env.CI !== "true";
if (!skipE2e && !existsSync(CHROMIUM)) {
  console.error(
    `Chromium was not found at ${CHROMIUM}. The browser tests need Debian's Chromium:\n` +
      "  sudo apt-get install chromium\n(or set CHROMIUM_PATH). SKIP_E2E=1 skips them outside CI.",
  );
  process.exit(1);
}

if (!process.env.DATABASE_URL) say("DATABASE_URL is not set: starting an embedded PostgreSQL for the tests");
const database = await provisionTestDatabase("test", Number(process.env.TEST_PG_PORT || 54339));

// Redis for the rate-limit tests: TEST_REDIS_URL, else REDIS_URL; without either those tests are skipped.
const redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL || "";
if (!redisUrl) say("no TEST_REDIS_URL or REDIS_URL: the Redis rate-limit tests are skipped (CI always runs them)");

let ok = false;
try {
  const env = {
    DATABASE_URL: database.url,
    TEST_SERVER_DATABASE_URL: database.serverUrl,
    TEST_REDIS_URL: redisUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  say("unit and integration tests (Vitest)");
  ok = run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...process.argv.slice(2)], { ...env, NODE_ENV: "test" });

  if (ok && !skipE2e) {
    if (process.env.SKIP_BUILD !== "1") {
      say("building the app (next build)");
      ok = run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
    }
    if (ok) {
      say("browser and API tests (Playwright, Chromium)");
      ok = run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"], { ...env, CHROMIUM_PATH: CHROMIUM });
    }
  } else if (skipE2e) {
    say("SKIP_E2E=1: browser tests skipped");
  }
} finally {
  await database.cleanup();
}
say(ok ? "all tests passed" : "tests failed");
process.exit(ok ? 0 : 1);
