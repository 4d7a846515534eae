// Metered usage for the demo, recorded through the real ledger (so counters and ledger agree) and dated
// back to when it notionally happened, so the usage chart shows a history.
import { inWorkspace } from "@/lib/db/tenant";
import type { UsageMetric } from "@/lib/generated/prisma/enums";
import { recordUsage } from "@/lib/usage/record-usage";

const DAY_MS = 86_400_000;
export const DEMO_HISTORY_DAYS = 14;

/** Records usage once per idempotency key: a second call with the same key changes nothing. */
export async function recordPastUsage(
  workspaceId: string,
  metric: UsageMetric,
  quantity: number,
  idempotencyKey: string,
  at: Date,
): Promise<void> {
  const result = await recordUsage({ workspaceId, metric, quantity, idempotencyKey, at, cap: null });
  if (result.duplicate) return;
  await inWorkspace(workspaceId, (tx) => tx.usageEvent.updateMany({ where: { workspaceId, idempotencyKey }, data: { createdAt: at } }));
}

/** API calls for each of the last DEMO_HISTORY_DAYS days: a weekday rhythm with quieter weekends. */
export async function ensureDemoApiCalls(workspaceId: string, now: Date): Promise<void> {
  for (let daysAgo = 0; daysAgo < DEMO_HISTORY_DAYS; daysAgo++) {
    const at = new Date(now.getTime() - daysAgo * DAY_MS);
    const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6;
    const calls = (weekend ? 80 : 400) + ((daysAgo * 137) % 250);
    await recordPastUsage(workspaceId, "api_calls", calls, `demo:api-calls:${daysAgo}`, at);
  }
}
