// The run queue: pg-boss on PostgreSQL, for runs and for webhook deliveries. The schema and queues are
// installed by the database owner (`installRunQueue`, part of migrating); the app and workers use it as
// the app role.
import PgBoss from "pg-boss";
import pg from "pg";
import { pool } from "@/lib/db/client";
import type { Tx } from "@/lib/db/tenant";

export const QUEUE_SCHEMA = "pgboss";
export const RUN_QUEUE = "runs";
/** Where pg-boss moves a run job whose last attempt expired (its worker died): the run is failed there. */
export const LOST_RUN_QUEUE = "runs-lost";
/**
 * Webhook deliveries: a job only wakes a delivery up; the WebhookDelivery row holds its state and its own
 * retry schedule, so pg-boss retries nothing and a lost job is picked up by the delivery sweep.
 */
export const WEBHOOK_QUEUE = "webhooks";

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
  boss.on("error", () => undefined);
  await boss.start();
  try {
    for (const [name, options] of [
      [LOST_RUN_QUEUE, { retryLimit: 0 }],
      [RUN_QUEUE, { retryLimit: 1, retryDelay: 1, deadLetter: LOST_RUN_QUEUE }],
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

const globalForQueue = globalThis as unknown as { agenthqBoss?: Promise<PgBoss> };

/** This process's pg-boss, on the app's pool (so as the app role). Workers also supervise the queue. */
export function runQueue(options: { supervise?: boolean } = {}): Promise<PgBoss> {
  globalForQueue.agenthqBoss ??= (async () => {
    const boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => pool().query(text, values) },
      schema: QUEUE_SCHEMA,
      migrate: false,
      schedule: false,
      supervise: options.supervise ?? false,
      maintenanceIntervalSeconds: 5,
    });
    boss.on("error", () => undefined);
    await boss.start();
    return boss;
  })();
  return globalForQueue.agenthqBoss;
}

/** pg-boss's database interface on the caller's transaction, so a job commits or rolls back with it. */
const inTransaction = (tx: Tx) => ({
  executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
});

/** Enqueues a run in the caller's transaction: the job exists if and only if the run row does. */
export async function enqueueRun(tx: Tx, job: RunJob, leaseSeconds: number): Promise<void> {
  const boss = await runQueue();
  await boss.send(RUN_QUEUE, job, { db: inTransaction(tx), expireInSeconds: leaseSeconds, retryLimit: 1, retryDelay: 1, deadLetter: LOST_RUN_QUEUE } as PgBoss.SendOptions);
}

/** Wakes a webhook delivery at `startAfter` (default: now), in the caller's transaction. */
export async function enqueueWebhookDelivery(tx: Tx, job: WebhookJob, startAfter?: Date): Promise<void> {
  const boss = await runQueue();
  await boss.send(WEBHOOK_QUEUE, job, { db: inTransaction(tx), retryLimit: 0, expireInSeconds: 120, ...(startAfter && { startAfter }) } as PgBoss.SendOptions);
}
