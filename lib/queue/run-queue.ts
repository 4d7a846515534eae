// The run queue: pg-boss on PostgreSQL, for runs and for webhook deliveries. The schema and queues are
// installed by the database owner (`installRunQueue`, part of migrating); the app and workers use it as
// the app role.
import pg from "pg";
import PgBoss from "pg-boss";
import { pool } from "@/lib/db/client";
import type { Tx } from "@/lib/db/tenant";
import { describeError, logger } from "@/lib/log/logger";

export const QUEUE_SCHEMA = "pgboss";
export const RUN_QUEUE = "runs";
/** Where pg-boss moves a run job whose last attempt expired (its worker died): the run is failed there. */
export const LOST_RUN_QUEUE = "runs-lost";
/**
 * Webhook deliveries: a job only wakes a delivery up; the WebhookDelivery row holds its state and its own
 * retry schedule, so pg-boss retries nothing and a lost job is picked up by the delivery sweep.
 */
export const WEBHOOK_QUEUE = "webhooks";
/**
 * The channel `enqueueRun` NOTIFYs (payload: the queue's name) so that idle workers fetch at once instead
 * of at their next poll. A wake-up only: the job is in the table either way, so a lost one costs a poll.
 */
export const QUEUE_WAKE_CHANNEL = "agenthq_queue_wake";

/**
 * A run job's retries: one more attempt after its lease expired (its worker died), then the lost-run
 * queue. The queue's defaults and each job's options, in one place.
 */
const RUN_JOB_RETRIES = { retryLimit: 1, retryDelay: 1, deadLetter: LOST_RUN_QUEUE } as const;

export interface RunJob {
  runId: string;
  workspaceId: string;
}

export interface WebhookJob {
  deliveryId: string;
  workspaceId: string;
}

/** Installs or upgrades pg-boss's schema and the queues, as the owner, and lets the app role use them. */
export async function installRunQueue(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, schema: QUEUE_SCHEMA, supervise: false, schedule: false, max: 2 });
  boss.on("error", logQueueError);
  await boss.start();
  try {
    for (const [name, options] of [
      [LOST_RUN_QUEUE, { retryLimit: 0 }],
      [RUN_QUEUE, RUN_JOB_RETRIES],
      [WEBHOOK_QUEUE, { retryLimit: 0 }],
    ] as const) {
      if (!(await boss.getQueue(name))) {
        await boss.createQueue(name, { name, policy: "standard", ...options }).catch(async (error) => {
          // Another instance created it at the same moment.
          if (!(await boss.getQueue(name))) throw error;
        });
      }
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`
      GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO agenthq_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO agenthq_app;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${QUEUE_SCHEMA} TO agenthq_app;
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${QUEUE_SCHEMA} TO agenthq_app;`);
  } finally {
    await client.end();
  }
}

/** pg-boss reports a failed fetch or maintenance pass (usually the database away); it retries by itself. */
function logQueueError(error: unknown): void {
  // A worker's errors come as a plain object ({ message, stack, queue, worker }), not as an Error.
  const { message, queue } = (error ?? {}) as { message?: unknown; queue?: unknown };
  const fields = error instanceof Error ? describeError(error) : { error: String(message ?? error) };
  logger.warn("job queue error", { ...fields, ...(typeof queue === "string" && { queue }) });
}

// One instance per kind, so that a worker asking for supervision gets it whoever asked first, and
// stopping a worker's instance leaves the one that enqueues running.
const globalForQueue = globalThis as unknown as { agenthqBoss?: { plain?: Promise<PgBoss>; supervised?: Promise<PgBoss> } };

/** This process's pg-boss, on the app's pool (so as the app role). Workers also supervise the queue. */
export function runQueue(options: { supervise?: boolean } = {}): Promise<PgBoss> {
  const kind = options.supervise ? "supervised" : "plain";
  const instances = (globalForQueue.agenthqBoss ??= {});
  const existing = instances[kind];
  if (existing) return existing;
  const started = (async () => {
    const boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => pool().query(text, values) },
      schema: QUEUE_SCHEMA,
      migrate: false,
      schedule: false,
      supervise: kind === "supervised",
      maintenanceIntervalSeconds: 5,
    });
    boss.on("error", logQueueError);
    // A stopped pg-boss takes no more workers: the next caller gets a new one.
    boss.once("stopped", () => {
      if (instances[kind] === started) delete instances[kind];
    });
    await boss.start();
    return boss;
  })();
  // A failed start is not kept: the next caller tries again.
  started.catch(() => {
    if (instances[kind] === started) delete instances[kind];
  });
  instances[kind] = started;
  return started;
}

/** pg-boss's database interface on the caller's transaction, so a job commits or rolls back with it. */
const inTransaction = (tx: Tx) => ({
  executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
});

/**
 * Enqueues a run in the caller's transaction: the job exists if and only if the run row does. The
 * wake-up is in the transaction too: PostgreSQL delivers a NOTIFY on commit, and never on rollback.
 */
export async function enqueueRun(tx: Tx, job: RunJob, leaseSeconds: number): Promise<void> {
  const boss = await runQueue();
  await boss.send(RUN_QUEUE, job, { db: inTransaction(tx), expireInSeconds: leaseSeconds, ...RUN_JOB_RETRIES } as PgBoss.SendOptions);
  await tx.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, QUEUE_WAKE_CHANNEL, RUN_QUEUE);
}

/** Wakes a webhook delivery at `startAfter` (default: now), in the caller's transaction. */
export async function enqueueWebhookDelivery(tx: Tx, job: WebhookJob, startAfter?: Date): Promise<void> {
  const boss = await runQueue();
  await boss.send(WEBHOOK_QUEUE, job, {
    db: inTransaction(tx),
    retryLimit: 0,
    expireInSeconds: 120,
    ...(startAfter && { startAfter }),
  } as PgBoss.SendOptions);
}
