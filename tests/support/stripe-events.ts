// Stripe events as Stripe sends them: an event envelope around an object, signed with the endpoint's
// secret by the SDK's own test helper (the same scheme Stripe uses).
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

const signer = new Stripe("sk_test_signer_only");

export function stripeEvent(type: string, object: unknown, created = Math.floor(Date.now() / 1000)) {
  return {
    id: `evt_${randomBytes(10).toString("hex")}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

export function invoiceFor(subscription: { id: string; customer: string }) {
  return {
    id: `in_${randomBytes(8).toString("hex")}`,
    object: "invoice",
    customer: subscription.customer,
    parent: { type: "subscription_details", subscription_details: { subscription: subscription.id, metadata: {} } },
  };
}

/** The body and Stripe-Signature header of a delivery; `timestamp` in seconds (default now). */
export function signedDelivery(event: object, secret: string, timestamp?: number): { body: string; signature: string } {
  const body = JSON.stringify(event);
  return { body, signature: signer.webhooks.generateTestHeaderString({ payload: body, secret, timestamp }) };
}
