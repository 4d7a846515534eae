// The webhook side of a worker process: a few pollers of the webhook queue (a slow endpoint holds one
// for at most 10 s, not the others), and the sweep that attempts deliveries whose job was lost.
import type PgBoss from "pg-boss";
import { describeError, logger } from "@/lib/log/logger";
import { WEBHOOK_QUEUE, type WebhookJob } from "@/lib/queue/run-queue";
import { attemptDelivery } from "./deliver-webhook";
import { startWebhookSweep } from "./webhook-sweep";

const POLLERS = 4;

/** Starts delivering on `boss`; returns the sweep's stop function (stopping `boss` stops the pollers). */
export async function startWebhookWorker(boss: PgBoss): Promise<() => void> {
  for (let i = 0; i < POLLERS; i++) {
    let workerId = "";
    workerId = await boss.work<WebhookJob>(WEBHOOK_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) {
        try {
          await attemptDelivery(job.data);
        } catch (error) {
          // The delivery stays pending; the sweep attempts it once its claim runs out.
          logger.error("webhook delivery failed", { deliveryId: job.data.deliveryId, ...describeError(error) });
          throw error;
        } finally {
          boss.notifyWorker(workerId);
        }
      }
    });
  }
  return startWebhookSweep();
}
