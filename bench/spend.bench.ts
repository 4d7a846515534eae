// npm run bench (third part) — what cost accounting adds to a model turn: the same offline turns (0 ms
// each) sent bare and through the metered provider (reserve the worst case, settle the actual cost, write
// the turn's step), on the real database, interleaved so both see the same machine. Prints p50/p99 of
// each and the added milliseconds per turn; the target is under 2 ms at p50.
import { spawnSync } from "node:child_process";
import { provisionTestDatabase } from "@/tests/support/test-database";

// The turns run in a process of their own, whose environment names the scratch database from the start.
const database = await provisionTestDatabase("bench_spend", 54369);
try {
  const child = spawnSync(process.execPath, ["--import", "tsx", "bench/support/spend-turns.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "warn" },
  });
  process.exitCode = child.status ?? 1;
} finally {
  await database.cleanup();
}
