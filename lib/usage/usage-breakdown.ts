// Usage over the current period: per day (for the chart) and per agent.
import { inWorkspace } from "@/lib/db/tenant";
import { periodEnd, periodStart } from "./period";

export interface DailyUsage {
  day: string;
  apiCalls: number;
  agentSeconds: number;
}

export async function dailyUsage(workspaceId: string, at = new Date()): Promise<DailyUsage[]> {
  const start = periodStart(at);
  const rows = await inWorkspace(workspaceId, (tx) =>
    tx.$queryRaw<{ day: Date; metric: string; total: bigint }[]>`
      SELECT date_trunc('day', "createdAt") AS day, metric::text AS metric, sum(quantity) AS total
        FROM "UsageEvent" WHERE "workspaceId" = ${workspaceId} AND "periodStart" = ${start}
       GROUP BY 1, 2`,
  );
  const days: DailyUsage[] = [];
  for (let d = new Date(start); d < periodEnd(at) && d <= at; d = new Date(d.getTime() + 86_400_000)) {
    const key = d.toISOString().slice(0, 10);
    const of = (metric: string) => Number(rows.find((r) => r.day.toISOString().slice(0, 10) === key && r.metric === metric)?.total ?? 0);
    days.push({ day: key, apiCalls: of("api_calls"), agentSeconds: of("agent_seconds") });
  }
  return days;
}

export async function usageByAgent(workspaceId: string, at = new Date()) {
  const rows = await inWorkspace(workspaceId, (tx) =>
    tx.run.groupBy({
      by: ["agent"],
      where: { workspaceId, createdAt: { gte: periodStart(at), lt: periodEnd(at) } },
      _count: { _all: true },
      _sum: { agentSeconds: true },
    }),
  );
  return rows
    .map((r) => ({ agent: r.agent, runs: r._count._all, agentSeconds: r._sum.agentSeconds ?? 0 }))
    .sort((a, b) => b.agentSeconds - a.agentSeconds);
}
