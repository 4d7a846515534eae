// Tells a self-hoster which parts of the product run on local stand-ins.
import path from "node:path";
import { env } from "@/config/env";
import { billingEnabled } from "@/lib/billing/stripe-client";

export function LocalModeBanner() {
  const local = [
    env.AGENTHQ_EMBEDDED_DB && `data in an embedded PostgreSQL under ${path.resolve(env.DATA_DIR, "postgres")}`,
    !env.ANTHROPIC_API_KEY && "agents on the offline demo model provider (set ANTHROPIC_API_KEY for real ones)",
    !billingEnabled() && "billing off (set STRIPE_SECRET_KEY to sell tiers)",
  ].filter(Boolean);
  if (!local.length) return null;
  return (
    <div role="status" className="border-b border-amber-200 bg-amber-50 px-6 py-2 text-sm break-words text-amber-900">
      Local mode: {local.join("; ")}. See the README to connect your own services.
    </div>
  );
}
