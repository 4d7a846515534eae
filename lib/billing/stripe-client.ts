// The Stripe client of this process. Billing is on only when STRIPE_SECRET_KEY is set (config/env.ts then
// requires the webhook secret and the prices too). STRIPE_API_BASE points the same code at a stand-in.
import Stripe from "stripe";
import { env } from "@/config/env";
import { AppError } from "@/lib/errors/app-error";

const globalForStripe = globalThis as unknown as { agenthqStripe?: Stripe };

export function billingEnabled(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY);
}

function apiBase(): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!env.STRIPE_API_BASE) return {};
  const url = new URL(env.STRIPE_API_BASE);
  return {
    host: url.hostname,
    port: url.port || (url.protocol === "http:" ? 80 : 443),
    protocol: url.protocol === "http:" ? "http" : "https",
  };
}

/** Throws a clear 409 when billing is off, for routes that need it. */
export function requireBilling(): string {
  if (!env.STRIPE_SECRET_KEY) {
    throw new AppError(
      "conflict",
      "Billing is not enabled on this installation. An administrator sets tiers with `npm run admin -- set-tier`.",
    );
  }
  return env.STRIPE_SECRET_KEY;
}

export function stripe(): Stripe {
  globalForStripe.agenthqStripe ??= new Stripe(requireBilling(), {
    ...apiBase(),
    maxNetworkRetries: 1,
    timeout: 10_000,
    appInfo: { name: "AgentHQ" },
  });
  return globalForStripe.agenthqStripe;
}
