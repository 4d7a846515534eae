// Reconciliation of a workspace's model-spend overage with what Stripe was told: the overage the outbox
// holds for a period, the part of it reported to Stripe, and the events still pending (an outage being
// retried, or a workspace without a Stripe customer). Under row-level security, like any tenant read.
import { inWorkspace } from "@/lib/db/tenant";

export interface OverageReconciliation {
  /** Micro-USD of model cost over the included amount this period. */
  overageMicros: number;
  /** Of it, micro-USD Stripe has accepted as meter events. */
  reportedMicros: number;
  /** Outbox rows not yet accepted by Stripe. */
  pendingEvents: number;
}

export async function overageReconciliation(workspaceId: string, periodStart: Date): Promise<OverageReconciliation> {
  return inWorkspace(workspaceId, async (tx) => {
    const where = { workspaceId, periodStart };
    const all = await tx.meterEvent.aggregate({ where, _sum: { valueMicros: true } });
    const sent = await tx.meterEvent.aggregate({ where: { ...where, sentAt: { not: null } }, _sum: { valueMicros: true } });
    const pendingEvents = await tx.meterEvent.count({ where: { ...where, sentAt: null } });
    return {
      overageMicros: Number(all._sum.valueMicros ?? 0),
      reportedMicros: Number(sent._sum.valueMicros ?? 0),
      pendingEvents,
    };
  });
}
