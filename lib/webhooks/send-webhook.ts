// One attempt at a webhook: the Standard Webhooks body and headers, signed with each of the endpoint's
// valid secrets, sent through the egress guard (never a private address; redirects are not followed, so
// a 3xx is a failure) within 10 s, reading at most 4 KB of the answer. Never throws: a failure is a
// result with a message fit to show the customer.
import { Webhook } from "standardwebhooks";
import { EgressError, egressFetch, networkErrorCode, readBodyLimited } from "@/lib/egress/egress-fetch";

const ATTEMPT_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 4_096;
/** How much of a failing answer is kept to show in the dashboard. */
const ERROR_EXCERPT_CHARS = 300;

interface WebhookMessage {
  /** webhook-id */
  id: string;
  type: string;
  /** When the event happened (the body's timestamp; each attempt's webhook-timestamp is its own). */
  timestamp: Date;
  data: unknown;
}

export type AttemptResult =
  { ok: true; statusCode: number; latencyMs: number } | { ok: false; statusCode?: number; latencyMs?: number; error: string };

/** The body per the Standard Webhooks spec: `{ type, timestamp, data }`. */
const webhookBody = (message: WebhookMessage) =>
  JSON.stringify({ type: message.type, timestamp: message.timestamp.toISOString(), data: message.data });

/** webhook-id, webhook-timestamp and webhook-signature (one `v1,…` per secret, space-separated). */
function signatureHeaders(secrets: string[], id: string, at: Date, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(" "),
  };
}

/** The start of an answer, on one line (it is shown in the dashboard and stored as text). */
const excerpt = (text: string) =>
  text
    .replace(/\p{Cc}+/gu, " ")
    .trim()
    .slice(0, ERROR_EXCERPT_CHARS);

/** The start of the answer; "" when it is over 4 KB or breaks off (the status alone decides the outcome). */
async function answerExcerpt(response: Response): Promise<string> {
  try {
    return excerpt(await readBodyLimited(response, MAX_ANSWER_BYTES));
  } catch {
    return "";
  }
}

function failureOf(response: Response, text: string): string {
  if (response.status >= 300 && response.status < 400)
    return `HTTP ${response.status}: AgentHQ does not follow redirects for webhooks; register the final URL.`;
  return text ? `HTTP ${response.status}: ${text}` : `HTTP ${response.status}`;
}

export async function sendWebhook(url: string, message: WebhookMessage, secrets: string[]): Promise<AttemptResult> {
  const body = webhookBody(message);
  const headers = {
    "content-type": "application/json",
    "user-agent": "AgentHQ-Webhooks/1",
    ...signatureHeaders(secrets, message.id, new Date(), body),
  };
  const deadline = AbortSignal.timeout(ATTEMPT_TIMEOUT_MS);
  const started = performance.now();
  let response: Response;
  try {
    response = await egressFetch(url, { method: "POST", headers, body, redirect: "manual", signal: deadline });
  } catch (error) {
    if (deadline.aborted) return { ok: false, error: `The endpoint did not answer within ${ATTEMPT_TIMEOUT_MS / 1000} s.` };
    if (error instanceof EgressError) return { ok: false, error: error.message };
    const code = networkErrorCode(error);
    return { ok: false, error: code ? `Could not reach the endpoint (${code}).` : "Could not reach the endpoint." };
  }
  const latencyMs = Math.round(performance.now() - started);
  const text = await answerExcerpt(response);
  if (response.ok) return { ok: true, statusCode: response.status, latencyMs };
  return { ok: false, statusCode: response.status, latencyMs, error: failureOf(response, text) };
}
