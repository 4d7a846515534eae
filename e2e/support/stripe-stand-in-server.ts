// The Stripe stand-in as its own process, for the browser suite (started by playwright.config.ts). Its
// control API: POST /_control/checkout/:id/complete, and GET /_control/meter-events (the Billing Meter
// events it accepted, one per identifier).
import { startStripeStandIn } from "../../tests/support/stripe-stand-in";
import { STRIPE_STAND_IN } from "./instances";

const stand = await startStripeStandIn(Number(new URL(STRIPE_STAND_IN).port));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stand.close().then(() => process.exit(0)));
}
