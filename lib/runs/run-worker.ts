// A run worker: takes run jobs from the queue and executes them, `concurrency` at a time. Runs inside
// the app (RUN_WORKERS) or as its own process (npm run worker); any number of them on any machines.
// With billing on, a worker process also runs the billing sweep (lapsed grace periods), and with overage
// billed, the sender of the model-spend overage outbox to Stripe's Billing Meters. Every worker releases
// spend reservations whose worker died (their lease ran out), and delivers webhooks (their queue and sweep).
import type PgBoss from "pg-boss";
import { startBillingSweep } from "@/lib/billing/billing-sweep";
import { startOverageReporting } from "@/lib/billing/meter-outbox";
import { billingEnabled } from "@/lib/billing/stripe-client";
import { modelProvider } from "@/lib/agents/providers/model-provider";
import { startReservationSweep } from "@/lib/spend/reservation-sweep";
import { overageBillable } from "@/lib/spend/spend-policy";
import { describeError, logger } from "@/lib/log/logger";
import { reportUnexpectedError } from "@/lib/monitoring/report-unexpected-error";
import { LOST_RUN_QUEUE, RUN_QUEUE, runQueue, type RunJob } from "@/lib/queue/run-queue";
import { startWebhookWorker } from "@/lib/webhooks/webhook-worker";
import { executeRun, failLostRun } from "./execute-run";

export async function startRunWorker(concurrency: number): Promise<{ stop(): Promise<void> }> {
  const boss = await runQueue({ supervise: true });
  const provider = modelProvider();
  const register = async (queue: string, pollingIntervalSeconds: number, work: (job: RunJob) => Promise<void>) => {
    let workerId = "";
    workerId = await boss.work<RunJob>(queue, { batchSize: 1, pollingIntervalSeconds }, async (jobs: PgBoss.Job<RunJob>[]) => {
      for (const job of jobs) {
        try {
          await work(job.data);
        } catch (error) {
          logger.error("run job failed", { runId: job.data.runId, ...describeError(error) });
          reportUnexpectedError(error, { runId: job.data.runId });
          throw error;
        } finally {
          // pg-boss waits a polling interval between fetches even after a job; while there is work,
          // fetch the next one at once.
          boss.notifyWorker(workerId);
        }
      }
    });
  };
  for (let i = 0; i < concurrency; i++) await register(RUN_QUEUE, 0.5, (job) => executeRun(job, provider));
  await register(LOST_RUN_QUEUE, 1, failLostRun);
  const stopBillingSweep = billingEnabled() ? startBillingSweep() : () => {};
  const stopOverageReporting = overageBillable() ? startOverageReporting() : async () => {};
  const stopReservationSweep = startReservationSweep();
  const stopWebhookSweep = await startWebhookWorker(boss);
  logger.info("run worker started", { concurrency, provider: provider.name });
  return {
    stop: async () => {
      stopBillingSweep();
      stopReservationSweep();
      stopWebhookSweep();
      await Promise.all([stopOverageReporting(), boss.stop({ graceful: true, timeout: 30_000, wait: true })]);
    },
  };
}
