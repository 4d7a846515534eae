// A run worker: takes run jobs from the queue and executes them, `concurrency` at a time. Runs inside
// the app (RUN_WORKERS) or as its own process (npm run worker); any number of them on any machines.
// With billing on, a worker process also runs the billing sweep (lapsed grace periods), and with overage
// billed, the sender of the model-spend overage outbox to Stripe's Billing Meters. Every worker releases
// spend reservations whose worker died (their lease ran out), and delivers webhooks (their queue and sweep).
// Enqueued runs wake it through LISTEN/NOTIFY, so an idle worker starts a run at once; polling stays the
// fallback for a lost notification.
import pg from "pg";
import type PgBoss from "pg-boss";
import { env } from "@/config/env";
import { modelProvider } from "@/lib/agents/providers/model-provider";
import { startBillingSweep } from "@/lib/billing/billing-sweep";
import { startOverageReporting } from "@/lib/billing/meter-outbox";
import { billingEnabled } from "@/lib/billing/stripe-client";
import { APP_ROLE_OPTION } from "@/lib/db/app-role";
import { describeError, logger } from "@/lib/log/logger";
import { reportUnexpectedError } from "@/lib/monitoring/report-unexpected-error";
import { LOST_RUN_QUEUE, QUEUE_WAKE_CHANNEL, RUN_QUEUE, runQueue, type RunJob } from "@/lib/queue/run-queue";
import { startReservationSweep } from "@/lib/spend/reservation-sweep";
import { overageBillable } from "@/lib/spend/spend-policy";
import { startWebhookWorker } from "@/lib/webhooks/webhook-worker";
import { executeRun, failLostRun } from "./execute-run";

const RECONNECT_DELAY_MS = { first: 500, max: 15_000 };

/**
 * Calls `wake(queue)` for each QUEUE_WAKE_CHANNEL notification, on a connection of its own (a LISTEN
 * belongs to a session, so it cannot use the pool). A dropped connection is reopened with backoff;
 * meanwhile the pollers find new jobs at their next poll, and on reconnecting every queue is woken once
 * for the jobs enqueued while nobody listened.
 */
function listenForWakeUps(wake: (queue: string | null) => void): { stop(): Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let delayMs = RECONNECT_DELAY_MS.first;

  const reconnectLater = (lost: pg.Client, error?: unknown) => {
    // Both 'error' and 'end' come for one drop, and a failed connect may throw as well: act once.
    if (stopped || client !== lost) return;
    client = null;
    lost.removeAllListeners("notification");
    void lost.end().catch(() => undefined);
    logger.warn("run wake-up listener disconnected; runs are picked up by polling until it reconnects", {
      retryInMs: delayMs,
      ...(error !== undefined && describeError(error)),
    });
    retry = setTimeout(connect, delayMs);
    retry.unref();
    delayMs = Math.min(delayMs * 2, RECONNECT_DELAY_MS.max);
  };

  const connect = async () => {
    const listener = new pg.Client({
      // The app's database and role, as the pool uses them (lib/db/client.ts).
      connectionString: env.DATABASE_URL,
      options: APP_ROLE_OPTION,
      // A server gone without closing the connection (a failover, a partition) is noticed sooner.
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    client = listener;
    listener.on("notification", (message) => {
      if (message.channel === QUEUE_WAKE_CHANNEL) wake(message.payload || null);
    });
    listener.on("error", (error) => reconnectLater(listener, error));
    listener.on("end", () => reconnectLater(listener));
    try {
      await listener.connect();
      await listener.query(`LISTEN ${QUEUE_WAKE_CHANNEL}`);
    } catch (error) {
      reconnectLater(listener, error);
      return;
    }
    if (stopped || client !== listener) return;
    if (delayMs !== RECONNECT_DELAY_MS.first) logger.info("run wake-up listener reconnected");
    delayMs = RECONNECT_DELAY_MS.first;
    wake(null);
  };

  void connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}

export async function startRunWorker(concurrency: number): Promise<{ stop(): Promise<void> }> {
  const boss = await runQueue({ supervise: true });
  const provider = modelProvider();
  const runWorkerIds: string[] = [];
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
    return workerId;
  };
  for (let i = 0; i < concurrency; i++) runWorkerIds.push(await register(RUN_QUEUE, 0.5, (job) => executeRun(job, provider)));
  await register(LOST_RUN_QUEUE, 1, failLostRun);
  const stopBillingSweep = billingEnabled() ? startBillingSweep() : () => {};
  const stopOverageReporting = overageBillable() ? startOverageReporting() : async () => {};
  const stopReservationSweep = startReservationSweep();
  const stopWebhookSweep = await startWebhookWorker(boss);
  // Every poller of this process fetches: one gets the job, the others find none (SKIP LOCKED), which is
  // cheaper than tracking which are idle. A busy one only skips its next wait, as it does after a job.
  const listener = listenForWakeUps((queue) => {
    if (queue === null || queue === RUN_QUEUE) for (const id of runWorkerIds) boss.notifyWorker(id);
  });
  logger.info("run worker started", { concurrency, provider: provider.name });
  return {
    stop: async () => {
      stopBillingSweep();
      stopReservationSweep();
      stopWebhookSweep();
      await listener.stop();
      await Promise.all([stopOverageReporting(), boss.stop({ graceful: true, timeout: 30_000, wait: true })]);
    },
  };
}
