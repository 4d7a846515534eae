// Auto-pause: a paid workspace that reaches its overage cap stops until the period resets or its tier rises.
// Pausing and resuming are audited and sent as workspace.paused / workspace.resumed webhooks.
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { logger } from "@/lib/log/logger";
import { appMetrics } from "@/lib/metrics/registry";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { periodStart } from "./period";

export async function pauseForQuota(workspaceId: string, metric: string): Promise<void> {
  const paused = await inWorkspace(workspaceId, async (tx) => {
    const { count } = await tx.workspace.updateMany({
      where: { id: workspaceId, status: "active" },
      data: { status: "paused", pausedReason: "quota", pausedAt: new Date() },
    });
    if (count === 1) {
      await recordAudit(tx, { workspaceId, actorId: null, action: "workspace.paused", metadata: { reason: "quota", metric } });
      await emitWebhookEvent(tx, workspaceId, "workspace.paused", { reason: "quota", metric });
    }
    return count === 1;
  });
  // Already paused (by a concurrent request, or earlier): nothing happened here, so nothing to count or log.
  if (!paused) return;
  appMetrics().quotaPauses.inc({ metric });
  logger.warn("workspace paused at its quota cap", { workspaceId, metric });
}

type ResumeReason = "period_reset" | "tier_raised";

/** Lifts a quota pause inside the caller's transaction. Returns whether it lifted one. */
export async function liftQuotaPauseInTx(tx: Tx, workspaceId: string, why: ResumeReason, onlyIfPausedBefore?: Date): Promise<boolean> {
  const { count } = await tx.workspace.updateMany({
    where: {
      id: workspaceId,
      status: "paused",
      pausedReason: "quota",
      ...(onlyIfPausedBefore && { pausedAt: { lt: onlyIfPausedBefore } }),
    },
    data: { status: "active", pausedReason: null, pausedAt: null },
  });
  if (count === 1) {
    await recordAudit(tx, { workspaceId, actorId: null, action: "workspace.resumed", metadata: { reason: why } });
    await emitWebhookEvent(tx, workspaceId, "workspace.resumed", { reason: why });
  }
  return count === 1;
}

/** A workspace paused for quota in an earlier period is active again in this one. */
export async function liftPauseOfPastPeriod(workspace: { id: string; status: string; pausedReason: string | null }): Promise<boolean> {
  if (workspace.status !== "paused" || workspace.pausedReason !== "quota") return false;
  return inWorkspace(workspace.id, (tx) => liftQuotaPauseInTx(tx, workspace.id, "period_reset", periodStart()));
}
