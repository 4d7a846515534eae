// Auto-pause: a paid workspace that reaches its overage cap stops until the period resets or the tier rises.
import { inWorkspace } from "@/lib/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { logger } from "@/lib/log/logger";

export async function pauseForQuota(workspaceId: string, metric: string): Promise<void> {
  await inWorkspace(workspaceId, async (tx) => {
    const { count } = await tx.workspace.updateMany({
      where: { id: workspaceId, status: "active" },
      data: { status: "paused", pausedReason: "quota" },
    });
    if (count === 1) await recordAudit(tx, { workspaceId, actorId: null, action: "workspace.paused", metadata: { reason: "quota", metric } });
  });
  logger.warn("workspace paused at its quota cap", { workspaceId, metric });
}
