// The safety net behind the webhooks: a workspace whose payment failed longer ago than the grace period,
// whose cancelled subscription's period has ended, or whose renewal is overdue is reviewed against Stripe
// even if Stripe's event never arrives. Every run worker process runs it; each review takes the workspace's
// billing lock and is idempotent.
import { env } from "@/config/env";
import { db } from "@/lib/db/client";
import { describeError, logger } from "@/lib/log/logger";
import { reviewEntitlement } from "./sync-subscription";

const SWEEP_INTERVAL_MS = 15 * 60_000;

export async function reviewLapsedSubscriptions(): Promise<number> {
  const due = await db().$queryRaw<{ workspaceId: string }[]>`
    SELECT "workspaceId" FROM app_workspaces_due_billing_review(${env.BILLING_GRACE_DAYS}::int)`;
  let changed = 0;
  for (const { workspaceId } of due) {
    const change = await reviewEntitlement(workspaceId, "billing-grace");
    if (change && change.from !== change.to) changed++;
  }
  return changed;
}

/** Starts the periodic sweep; returns its stop function. */
export function startBillingSweep(): () => void {
  const sweep = () => reviewLapsedSubscriptions().catch((error) => logger.error("billing sweep failed", describeError(error)));
  void sweep();
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
