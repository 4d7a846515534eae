// Billing model-spend overage through Stripe's Billing Meters, exactly once. app_settle_spend writes each
// turn's overage to the MeterEvent outbox in the same transaction as the spend, so nothing billable exists
// without its row; this sender delivers the rows, one meter event per row, and marks each sent once Stripe
// has it.
//
// Exactly once: the row's id is the meter event's `identifier`, and Stripe keeps one event per identifier.
// A process that dies after Stripe accepted an event but before marking its row sends it again on the next
// round; Stripe refuses the repeat ("An event already exists with identifier …", a 400 it marks not worth
// retrying), which proves the event is held, so the row is marked sent and nothing is billed twice. Two
// workers sending the same row at once end the same way. Stripe promises that uniqueness for at least
// 24 hours, far longer than the seconds between a crash and the next round of any worker.
//
// Every worker process runs the sender (npm run worker, or RUN_WORKERS inside the app); rounds of one
// process never overlap.
import Stripe from "stripe";
import { env } from "@/config/env";
import { pool } from "@/lib/db/client";
import { describeError, logger } from "@/lib/log/logger";
import { stripe } from "./stripe-client";
import { isTransientStripeError } from "./stripe-errors";

/** Rows sent to Stripe per round at most. */
const ROUND_SIZE = 100;
/**
 * How far past that a round looks (rows read = ROUND_SIZE × this): rows that cannot be sent yet (no Stripe
 * customer) sort first, being oldest, and must not keep every later row from being sent.
 */
const LOOKAHEAD = 10;
const ROUND_INTERVAL_MS = 15_000;

/** Recorded on a row whose workspace has no Stripe customer: it stays pending, visible in reconciliation. */
export const NO_CUSTOMER_ERROR =
  "The workspace has no Stripe customer, so its overage cannot be reported; it stays pending until it has one.";

interface PendingMeterEvent {
  id: string;
  workspaceId: string;
  /** bigint as text: micro-USD of model cost over the included amount. */
  valueMicros: string;
  /** The row's createdAt in Unix seconds (as text). */
  createdAtSeconds: string;
  stripeCustomerId: string | null;
  attempts: number;
}

export interface OverageRound {
  /** Rows marked sent (including repeats Stripe already held). */
  sent: number;
  /** Rows whose attempt failed and that stay pending. */
  failed: number;
  /** Whether the round stopped early because Stripe looked down or refused this installation's key. */
  stopped: boolean;
}

async function pendingEvents(limit: number): Promise<PendingMeterEvent[]> {
  // The epoch is computed in SQL: createdAt is a UTC timestamp without time zone, which node-postgres
  // would read as local time.
  const { rows } = await pool().query<PendingMeterEvent>(
    `SELECT id, "workspaceId", "valueMicros"::text AS "valueMicros",
            floor(extract(epoch FROM "createdAt"))::bigint::text AS "createdAtSeconds", "stripeCustomerId", attempts
       FROM app_pending_meter_events($1::int)`,
    [limit],
  );
  return rows;
}

async function markSent(id: string): Promise<void> {
  await pool().query(`SELECT app_mark_meter_event($1, TRUE, NULL)`, [id]);
}

async function markFailed(id: string, error: string): Promise<void> {
  await pool().query(`SELECT app_mark_meter_event($1, FALSE, $2)`, [id, error]);
}

/** Stripe refusing an identifier it already holds: the event was delivered before. */
function alreadyHeld(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeInvalidRequestError &&
    error.statusCode === 400 &&
    /already exists with identifier/i.test(error.message)
  );
}

/** Failures that every other row would meet too: Stripe down or throttling, or this installation's key refused. */
function stopsTheRound(error: unknown): boolean {
  return (
    isTransientStripeError(error) ||
    error instanceof Stripe.errors.StripeAuthenticationError ||
    error instanceof Stripe.errors.StripePermissionError
  );
}

/** What is stored as the row's lastError: Stripe's own words, never a key. */
function errorText(error: unknown): string {
  const text =
    error instanceof Stripe.errors.StripeError
      ? `${error.rawType ?? error.type}: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  return text.replace(/\b(sk|rk)_(live|test)_\w+/g, "[key]").slice(0, 500);
}

async function sendOne(row: PendingMeterEvent, customer: string): Promise<void> {
  await stripe().billing.meterEvents.create({
    event_name: env.STRIPE_METER_EVENT_NAME,
    payload: { stripe_customer_id: customer, value: row.valueMicros },
    identifier: row.id,
    // When the overage happened (Stripe takes events up to 35 days old), so it lands in the right invoice.
    timestamp: Number(row.createdAtSeconds),
  });
}

/**
 * One round: sends up to `limit` pending rows, oldest first, one meter event each. A row whose workspace
 * has no Stripe customer is recorded (once) and passed over. A row Stripe refuses records the attempt and
 * stays pending for the next round; a Stripe outage ends the round after the row that met it, so an outage
 * costs one attempt a round, not one on every row.
 */
export async function reportPendingOverage(limit = ROUND_SIZE): Promise<OverageRound> {
  const round: OverageRound = { sent: 0, failed: 0, stopped: false };
  let tried = 0;
  for (const row of await pendingEvents(limit * LOOKAHEAD)) {
    if (!row.stripeCustomerId) {
      // Recorded once: the row waits for its workspace to get a customer; marking it every round would
      // only churn. It is sent by the first round after the customer exists.
      if (row.attempts === 0) {
        await markFailed(row.id, NO_CUSTOMER_ERROR);
        round.failed++;
        logger.warn("overage not reported: workspace has no Stripe customer", { meterEventId: row.id, workspaceId: row.workspaceId });
      }
      continue;
    }
    if (tried++ >= limit) break;
    try {
      await sendOne(row, row.stripeCustomerId);
    } catch (error) {
      if (!alreadyHeld(error)) {
        const message = errorText(error);
        await markFailed(row.id, message);
        round.failed++;
        logger.warn("overage not reported to Stripe", {
          meterEventId: row.id,
          workspaceId: row.workspaceId,
          attempts: row.attempts + 1,
          error: message,
        });
        if (stopsTheRound(error)) {
          round.stopped = true;
          break;
        }
        continue;
      }
      logger.info("overage already held by Stripe (a resend after a crash)", { meterEventId: row.id, workspaceId: row.workspaceId });
    }
    await markSent(row.id);
    round.sent++;
  }
  if (round.sent > 0 || round.failed > 0) logger.info("overage reporting round", { ...round });
  return round;
}

/**
 * Reports pending overage every 15 s (and once at once) until stopped. A round still running when the
 * next is due is not doubled: that tick is skipped. The stop function resolves once a running round ends.
 */
export function startOverageReporting(intervalMs = ROUND_INTERVAL_MS): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = reportPendingOverage()
      .then(() => undefined)
      .catch((error) => logger.error("overage reporting failed", describeError(error)))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
