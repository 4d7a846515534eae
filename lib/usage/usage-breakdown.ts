// Usage over the current period: per day (for the charts), per agent and per API key, with the model
// spend and tokens of each.
import { inWorkspace } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { periodEnd, periodStart } from "./period";

export interface DailyUsage {
  day: string;
  apiCalls: number;
  agentSeconds: number;
  /** Model spend of the day's turns in micro-USD, whoever paid (the platform or the workspace's own key). */
  spendMicros: number;
  tokens: number;
}

export interface SpendBreakdown {
  runs: number;
  agentSeconds: number;
  tokens: number;
  spendMicros: number;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export async function dailyUsage(ctx: WorkspaceContext, at = new Date()): Promise<DailyUsage[]> {
  const { workspaceId } = ctx;
  const start = periodStart(at);
  const end = periodEnd(at);
  const { metered, turns } = await inWorkspace(workspaceId, async (tx) => ({
    metered: await tx.$queryRaw<{ day: Date; metric: string; total: bigint }[]>`
      SELECT date_trunc('day', "createdAt") AS day, metric::text AS metric, sum(quantity) AS total
        FROM "UsageEvent" WHERE "workspaceId" = ${workspaceId} AND "periodStart" = ${start} AND metric <> 'model_spend'
       GROUP BY 1, 2`,
    turns: await tx.$queryRaw<{ day: Date; cost: bigint; tokens: bigint }[]>`
      SELECT date_trunc('day', "createdAt") AS day, sum("costMicros") AS cost,
             sum("inputTokens" + "outputTokens" + "cacheReadTokens" + "cacheWriteTokens") AS tokens
        FROM "RunStep" WHERE "workspaceId" = ${workspaceId} AND "createdAt" >= ${start} AND "createdAt" < ${end}
       GROUP BY 1`,
  }));
  const days: DailyUsage[] = [];
  // Every day of the period, the days still to come included, so a chart spans the whole month.
  for (let d = new Date(start); d < end; d = new Date(d.getTime() + 86_400_000)) {
    const key = dayOf(d);
    const of = (metric: string) => Number(metered.find((r) => dayOf(r.day) === key && r.metric === metric)?.total ?? 0);
    const turn = turns.find((r) => dayOf(r.day) === key);
    days.push({
      day: key,
      apiCalls: of("api_calls"),
      agentSeconds: of("agent_seconds"),
      spendMicros: Number(turn?.cost ?? 0),
      tokens: Number(turn?.tokens ?? 0),
    });
  }
  return days;
}

const RUN_SUMS = {
  agentSeconds: true,
  costMicros: true,
  inputTokens: true,
  outputTokens: true,
  cacheReadTokens: true,
  cacheWriteTokens: true,
} as const;

type RunSums = {
  _count: { _all: number };
  _sum: {
    agentSeconds: number | null;
    costMicros: bigint | null;
    inputTokens: number | null;
    outputTokens: number | null;
    cacheReadTokens: number | null;
    cacheWriteTokens: number | null;
  };
};

function breakdown(row: RunSums): SpendBreakdown {
  const s = row._sum;
  return {
    runs: row._count._all,
    agentSeconds: s.agentSeconds ?? 0,
    tokens: (s.inputTokens ?? 0) + (s.outputTokens ?? 0) + (s.cacheReadTokens ?? 0) + (s.cacheWriteTokens ?? 0),
    spendMicros: Number(s.costMicros ?? 0),
  };
}

const byCostThenSeconds = (a: SpendBreakdown, b: SpendBreakdown) => b.spendMicros - a.spendMicros || b.agentSeconds - a.agentSeconds;

export async function usageByAgent(ctx: WorkspaceContext, at = new Date()) {
  const { workspaceId } = ctx;
  const rows = await inWorkspace(workspaceId, (tx) =>
    tx.run.groupBy({
      by: ["agent"],
      where: { workspaceId, createdAt: { gte: periodStart(at), lt: periodEnd(at) } },
      _count: { _all: true },
      _sum: RUN_SUMS,
    }),
  );
  return rows.map((r) => ({ agent: r.agent, ...breakdown(r) })).sort(byCostThenSeconds);
}

/** Runs started with each API key this period (runs started from the dashboard have no key). */
export async function usageByApiKey(ctx: WorkspaceContext, at = new Date()) {
  const { workspaceId } = ctx;
  const { rows, keys } = await inWorkspace(workspaceId, async (tx) => {
    const rows = await tx.run.groupBy({
      by: ["apiKeyId"],
      where: { workspaceId, createdAt: { gte: periodStart(at), lt: periodEnd(at) } },
      _count: { _all: true },
      _sum: RUN_SUMS,
    });
    const ids = rows.flatMap((r) => (r.apiKeyId ? [r.apiKeyId] : []));
    const keys = await tx.apiKey.findMany({
      where: { workspaceId, id: { in: ids } },
      select: { id: true, name: true, last4: true, prefix: true },
    });
    return { rows, keys };
  });
  return rows
    .map((r) => {
      const key = keys.find((k) => k.id === r.apiKeyId);
      return { key: key ? `${key.name} (${key.prefix}…${key.last4})` : r.apiKeyId ? "a deleted key" : "Dashboard", ...breakdown(r) };
    })
    .sort(byCostThenSeconds);
}
