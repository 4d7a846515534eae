// Delivering a webhook, one attempt per call: claim the delivery with a lease (so one worker at a time
// sends it, and a dead worker's claim runs out for the sweep to retry), send it (send-webhook.ts), then
// record the outcome: delivered on a 2xx; otherwise the next attempt on the backoff schedule, or failed
// after the last one. An endpoint that failed a whole schedule with nothing delivered is disabled.
// Idempotent: a job for a delivery that is not due (delivered, failed, claimed, or rescheduled) does nothing.
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { describeError, logger } from "@/lib/log/logger";
import { enqueueWebhookDelivery, type WebhookJob } from "@/lib/queue/run-queue";
import { disableFailingEndpoint, mailOwnersAboutDisabledEndpoint } from "./disable-endpoint";
import { sendWebhook } from "./send-webhook";
import { signingSecrets } from "./webhook-secrets";

/** Seconds before each retry: about a day from the first attempt to the last. */
export const RETRY_DELAYS_SECONDS = [30, 120, 600, 1_800, 3_600, 7_200, 14_400, 28_800, 28_800];
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** How long a claimed attempt may take (10 s of HTTP and its bookkeeping) before another worker may retry it. */
const ATTEMPT_LEASE_MS = 60_000;
/** A job may start a little before its delivery is due by this process's clock. */
const CLOCK_TOLERANCE_MS = 2_000;

interface Claimed {
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: unknown;
  createdAt: Date;
  attempts: number;
  leaseEnd: Date;
  url: string;
  endpointDisabled: boolean;
  secrets: string[] | Error;
}

async function claim(tx: Tx, job: WebhookJob, now: Date): Promise<Claimed | null> {
  const leaseEnd = new Date(now.getTime() + ATTEMPT_LEASE_MS);
  const { count } = await tx.webhookDelivery.updateMany({
    where: {
      id: job.deliveryId,
      workspaceId: job.workspaceId,
      status: "pending",
      nextAttemptAt: { lte: new Date(now.getTime() + CLOCK_TOLERANCE_MS) },
    },
    data: { attempts: { increment: 1 }, nextAttemptAt: leaseEnd },
  });
  if (count === 0) return null;
  const delivery = await tx.webhookDelivery.findFirstOrThrow({
    where: { id: job.deliveryId, workspaceId: job.workspaceId },
    select: {
      endpointId: true,
      eventId: true,
      eventType: true,
      payload: true,
      createdAt: true,
      attempts: true,
      endpoint: { select: { url: true, disabledAt: true } },
    },
  });
  const { endpoint, ...rest } = delivery;
  const endpointDisabled = endpoint.disabledAt !== null;
  const secrets = endpointDisabled
    ? []
    : await signingSecrets(tx, job.workspaceId, delivery.endpointId, now).catch((error: Error) => error);
  return { ...rest, leaseEnd, url: endpoint.url, endpointDisabled, secrets };
}

/** What became of an attempt; only a failure of the endpoint itself counts towards disabling it. */
type Outcome =
  | { kind: "delivered"; statusCode: number; latencyMs: number }
  | { kind: "endpoint_failed"; statusCode?: number; latencyMs?: number; error: string }
  | { kind: "not_sent"; error: string; retry: boolean };

async function attempt(claimed: Claimed): Promise<Outcome> {
  if (claimed.endpointDisabled) return { kind: "not_sent", error: "The endpoint is disabled.", retry: false };
  if (claimed.secrets instanceof Error || claimed.secrets.length === 0) {
    logger.error("could not open a webhook signing secret", {
      endpointId: claimed.endpointId,
      ...(claimed.secrets instanceof Error && describeError(claimed.secrets)),
    });
    return { kind: "not_sent", error: "The delivery could not be signed: this server cannot read the endpoint's secret.", retry: true };
  }
  const message = { id: claimed.eventId, type: claimed.eventType, timestamp: claimed.createdAt, data: claimed.payload };
  const result = await sendWebhook(claimed.url, message, claimed.secrets);
  if (result.ok) return { kind: "delivered", statusCode: result.statusCode, latencyMs: result.latencyMs };
  return { kind: "endpoint_failed", statusCode: result.statusCode, latencyMs: result.latencyMs, error: result.error };
}

async function recordOutcome(tx: Tx, job: WebhookJob, claimed: Claimed, outcome: Outcome) {
  const now = new Date();
  // Only this attempt's own claim: a resend or a later claim meanwhile records its own outcome.
  const ours = { id: job.deliveryId, workspaceId: job.workspaceId, status: "pending" as const, nextAttemptAt: claimed.leaseEnd };
  const endpoint = { id: claimed.endpointId, workspaceId: job.workspaceId };
  if (outcome.kind === "delivered") {
    const { statusCode, latencyMs } = outcome;
    const { count } = await tx.webhookDelivery.updateMany({
      where: ours,
      data: { status: "delivered", deliveredAt: now, lastStatusCode: statusCode, lastLatencyMs: latencyMs, lastError: null },
    });
    if (count === 1)
      await tx.webhookEndpoint.updateMany({ where: { ...endpoint, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } });
    return null;
  }
  const measured =
    outcome.kind === "endpoint_failed" ? { lastStatusCode: outcome.statusCode ?? null, lastLatencyMs: outcome.latencyMs ?? null } : {};
  const last = (outcome.kind === "not_sent" && !outcome.retry) || claimed.attempts >= MAX_ATTEMPTS;
  const nextAttemptAt = last ? now : new Date(now.getTime() + RETRY_DELAYS_SECONDS[claimed.attempts - 1]! * 1000);
  const { count } = await tx.webhookDelivery.updateMany({
    where: ours,
    data: { ...measured, lastError: outcome.error, status: last ? "failed" : "pending", nextAttemptAt },
  });
  if (count === 0) return null;
  if (!last) await enqueueWebhookDelivery(tx, job, nextAttemptAt);
  if (outcome.kind !== "endpoint_failed") return null;
  const { consecutiveFailures } = await tx.webhookEndpoint.update({
    where: endpoint,
    data: { consecutiveFailures: { increment: 1 } },
    select: { consecutiveFailures: true },
  });
  return last && consecutiveFailures >= MAX_ATTEMPTS
    ? disableFailingEndpoint(tx, job.workspaceId, claimed.endpointId, outcome.error)
    : null;
}

/** One attempt at the job's delivery, if it is due; the queue's handler and the sweep's. */
export async function attemptDelivery(job: WebhookJob): Promise<void> {
  const claimed = await inWorkspace(job.workspaceId, (tx) => claim(tx, job, new Date()));
  if (!claimed) return;
  const outcome = await attempt(claimed);
  const disabled = await inWorkspace(job.workspaceId, (tx) => recordOutcome(tx, job, claimed, outcome));
  if (disabled) await mailOwnersAboutDisabledEndpoint(disabled);
}
