// HTTP tool requests are signed the Standard Webhooks way (webhook-id, webhook-timestamp and
// webhook-signature headers), so a customer's endpoint verifies them with any Standard Webhooks library:
// `new Webhook(secret).verify(body, headers)`.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** The signature headers for `body` (the exact bytes sent; "" without a body), sent with message id `id` at `at`. */
export function signToolRequest(secret: string, body: string, id: string, at: Date): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}

/** A new signing secret in the format Standard Webhooks libraries take: "whsec_" and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
