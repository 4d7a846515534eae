// npm run bench (fourth part) — what the platform adds to one HTTP tool call of an agent: see
// bench/support/tool-calls.ts. Prints p50/p99 bare and through the platform, and the added milliseconds.
import { spawnSync } from "node:child_process";
import { provisionTestDatabase } from "@/tests/support/test-database";

// The calls run in a process of their own, whose environment names the scratch database from the start;
// the endpoint is on 127.0.0.1, which the egress guard lets through only with ALLOW_PRIVATE_NETWORKS.
const database = await provisionTestDatabase("bench_tools", 54379);
try {
  const child = spawnSync(process.execPath, ["--import", "tsx", "bench/support/tool-calls.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "warn", ALLOW_PRIVATE_NETWORKS: "1" },
  });
  process.exitCode = child.status ?? 1;
} finally {
  await database.cleanup();
}
