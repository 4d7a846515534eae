// The safety net behind the webhook queue: a pending delivery whose attempt is overdue by more than a
// minute lost its job (its enqueue, or its worker mid-attempt, died: the claim's lease ran out), so every
// worker process attempts such deliveries itself, twice a minute. Claims keep two sweepers, or a sweeper
// and a late job, from sending one attempt twice; rounds of one process never overlap.
import { db } from "@/lib/db/client";
import { describeError, logger } from "@/lib/log/logger";
import { attemptDelivery } from "./deliver-webhook";

const SWEEP_INTERVAL_MS = 30_000;
/** How overdue a delivery is before the sweep takes it from the queue. */
const OVERDUE_MS = 60_000;
const ROUND_SIZE = 50;
const PARALLEL_ATTEMPTS = 5;

/** Attempts the overdue deliveries of every workspace; returns how many it tried. */
export async function sweepOverdueDeliveries(now = new Date()): Promise<number> {
  // An ISO string, read as UTC wall time like every timestamp column here.
  const dueBefore = new Date(now.getTime() - OVERDUE_MS).toISOString();
  const due = await db().$queryRaw<{ id: string; workspaceId: string }[]>`
    SELECT id, "workspaceId" FROM app_due_webhook_deliveries(${dueBefore}::timestamp(3), ${ROUND_SIZE}::int)`;
  for (let i = 0; i < due.length; i += PARALLEL_ATTEMPTS) {
    await Promise.all(
      due
        .slice(i, i + PARALLEL_ATTEMPTS)
        .map(({ id, workspaceId }) =>
          attemptDelivery({ deliveryId: id, workspaceId }).catch((error) =>
            logger.error("webhook delivery failed", { deliveryId: id, ...describeError(error) }),
          ),
        ),
    );
  }
  return due.length;
}

/** Starts the periodic sweep; returns its stop function. */
export function startWebhookSweep(): () => void {
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const attempted = await sweepOverdueDeliveries();
      if (attempted > 0) logger.warn("attempted overdue webhook deliveries", { attempted });
    } catch (error) {
      logger.error("webhook sweep failed", describeError(error));
    } finally {
      sweeping = false;
    }
  };
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
