// POST /api/webhooks/stripe — Stripe's events (see lib/billing/stripe-webhook.ts). 400 for a bad, missing
// or stale signature (nothing changes); 200 once the event took effect, was seen before, or is not ours;
// 5xx when the database or Stripe failed, so that Stripe delivers the event again.
import { billingEnabled } from "@/lib/billing/stripe-client";
import { handleStripeEvent, verifyStripeEvent } from "@/lib/billing/stripe-webhook";
import { AppError } from "@/lib/errors/app-error";
import { readLimitedText } from "@/lib/http/read-json";
import { json, route } from "@/lib/http/route";
import { appMetrics } from "@/lib/metrics/registry";

export const POST = route(async ({ request }) => {
  if (!billingEnabled()) throw new AppError("not_found", "Billing is not enabled on this installation.");
  const rawBody = await readLimitedText(request);
  const event = await verifyStripeEvent(rawBody, request.headers.get("stripe-signature"));
  const outcome = await handleStripeEvent(event);
  appMetrics().stripeEvents.inc({ type: event.type, outcome });
  return json({ received: true, outcome });
});
