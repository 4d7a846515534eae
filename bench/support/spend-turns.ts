// The measured part of bench/spend.bench.ts, run with DATABASE_URL set to its scratch database.
import { firstTurnRequest } from "@/lib/agents/agent-loop";
import { findBuiltInAgent } from "@/lib/agents/catalog";
import { OfflineProvider } from "@/lib/agents/providers/offline-provider";
import { declaredToolSpecs } from "@/lib/agents/toolbox";
import { pool } from "@/lib/db/client";
import { meteredProvider } from "@/lib/spend/metered-provider";
import { spendPolicy } from "@/lib/spend/spend-policy";
import { ownerDb } from "@/tests/support/owner-db";
import { createTeam } from "@/tests/support/workspace-fixture";

const TURNS = Number(process.env.BENCH_TURNS || 400);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};

try {
  const team = await createTeam("pro");
  const run = await ownerDb().run.create({ data: { workspaceId: team.workspaceId, agent: "support-triage", input: { ticket: "bench" } } });
  const offline = new OfflineProvider(0, "claude-sonnet-4-6");
  const metered = meteredProvider(offline, {
    workspaceId: team.workspaceId,
    policy: spendPolicy({ id: team.workspaceId, tier: "pro", spendLimitMicros: null, modelBudgetMicros: null, stripeCustomerId: null }),
    runId: run.id,
    attempt: 1,
    billedTo: "platform",
    runLimitMicros: null,
    runSpentMicros: 0,
  });
  const agent = findBuiltInAgent("support-triage")!;
  const base = firstTurnRequest(agent, declaredToolSpecs(agent.tools), { ticket: "Benchmark ticket: the export button does nothing" });
  const request = { ...base, tools: [], signal: new AbortController().signal };
  const bare: number[] = [];
  const accounted: number[] = [];
  for (let i = 0; i < 20; i++) await metered.turn(request); // warm the pool and the query plans
  for (let i = 0; i < TURNS; i++) {
    let started = performance.now();
    await offline.turn(request);
    bare.push(performance.now() - started);
    started = performance.now();
    await metered.turn(request);
    accounted.push(performance.now() - started);
  }
  const [b, m] = [stats(bare), stats(accounted)];
  const steps = await ownerDb().runStep.count({ where: { runId: run.id } });
  const counter = await ownerDb().usageCounter.findFirstOrThrow({ where: { workspaceId: team.workspaceId, metric: "model_spend" } });
  const ledger = await ownerDb().usageEvent.aggregate({
    where: { workspaceId: team.workspaceId, metric: "model_spend" },
    _sum: { quantity: true },
  });
  console.log(`[bench] cost accounting: ${TURNS} offline turns (0 ms) bare and metered, interleaved`);
  console.log("\nturn | p50 ms | p99 ms");
  console.log("---|---|---");
  console.log(`bare provider | ${b.p50.toFixed(3)} | ${b.p99.toFixed(3)}`);
  console.log(`metered (reserve + settle) | ${m.p50.toFixed(3)} | ${m.p99.toFixed(3)}`);
  console.log(`\nadded per turn: p50 ${(m.p50 - b.p50).toFixed(2)} ms (target < 2 ms), p99 ${(m.p99 - b.p99).toFixed(2)} ms`);
  console.log(
    `exactness: ${steps} steps recorded for ${TURNS + 20} turns; counter ${counter.used} = ledger ${ledger._sum.quantity}; reserved ${counter.reserved}`,
  );
  if (steps !== TURNS + 20 || Number(counter.used) !== ledger._sum.quantity || counter.reserved !== 0n) process.exitCode = 1;
} finally {
  await pool().end();
  await ownerDb().$disconnect();
}
