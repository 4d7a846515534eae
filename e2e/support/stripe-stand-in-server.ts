// The Stripe stand-in as its own process, for the browser suite (started by playwright.config.ts).
import { startStripeStandIn } from "../../tests/support/stripe-stand-in";
import { STRIPE_STAND_IN } from "./instances";

const stand = await startStripeStandIn(Number(new URL(STRIPE_STAND_IN).port));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stand.close().then(() => process.exit(0)));
}
