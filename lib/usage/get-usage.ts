// The current period's usage of a workspace against its tier's limits.
import { getTier } from "@/config/tiers";
import { inWorkspace } from "@/lib/db/tenant";
import type { Tier } from "@/lib/generated/prisma/enums";
import { microsToUsd } from "@/lib/spend/money";
import { SPEND_WORKSPACE_FIELDS, spendPolicy } from "@/lib/spend/spend-policy";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { periodEnd, periodStart } from "./period";
import { includedQuota } from "./quota";

export interface UsageSummary {
  periodStart: string;
  periodEnd: string;
  tier: Tier;
  apiCalls: { used: number; limit: number | null };
  agentMinutes: { used: number; limit: number | null };
  concurrentRuns: { used: number; limit: number | null };
  /** USD: settled spend, the tier's included amount, the cap in force, an owner's limit (null: none). */
  modelSpend: { usedUsd: number; reservedUsd: number; includedUsd: number | null; capUsd: number | null; limitUsd: number | null };
}

/** The limits are the tier's as the workspace row has it, read in the same transaction as the counters. */
export async function getUsage(ctx: WorkspaceContext, at = new Date()): Promise<UsageSummary> {
  const { workspaceId } = ctx;
  const start = periodStart(at);
  const { counters, running, spend } = await inWorkspace(workspaceId, async (tx) => ({
    counters: await tx.usageCounter.findMany({ where: { workspaceId, periodStart: start } }),
    running: await tx.run.count({ where: { workspaceId, status: { in: ["queued", "running"] } } }),
    spend: await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: SPEND_WORKSPACE_FIELDS }),
  }));
  const { tier } = spend;
  const policy = spendPolicy(spend);
  const spendCounter = counters.find((c) => c.metric === "model_spend");
  const usd = (micros: number | bigint | null) => (micros === null ? null : microsToUsd(micros));
  const used = (metric: string) => Number(counters.find((c) => c.metric === metric)?.used ?? 0);
  const minutesLimit = includedQuota(tier, "agent_seconds");
  return {
    periodStart: start.toISOString(),
    periodEnd: periodEnd(at).toISOString(),
    tier,
    apiCalls: { used: used("api_calls"), limit: includedQuota(tier, "api_calls") },
    agentMinutes: { used: Math.round((used("agent_seconds") / 60) * 100) / 100, limit: minutesLimit === null ? null : minutesLimit / 60 },
    concurrentRuns: { used: running, limit: getTier(tier).limits.concurrentRuns },
    modelSpend: {
      usedUsd: microsToUsd(spendCounter?.used ?? 0),
      reservedUsd: microsToUsd(spendCounter?.reserved ?? 0),
      includedUsd: usd(policy.includedMicros),
      capUsd: usd(policy.capMicros),
      limitUsd: usd(spend.spendLimitMicros),
    },
  };
}
