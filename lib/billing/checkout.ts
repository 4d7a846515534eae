// Upgrading through Stripe Checkout and managing a subscription in Stripe's Customer Portal. The
// workspace's Stripe customer is created before the first checkout, so every later event names a customer
// the webhook can map back to the workspace.
import { z } from "zod";
import { appUrl, env } from "@/config/env";
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import type { WorkspaceSummary } from "@/lib/workspaces/workspace-context";
import { ENDED_STATUSES } from "./entitlement";
import { PURCHASABLE_TIERS, priceForTier } from "./prices";
import { callStripe } from "./stripe-errors";
import { stripe } from "./stripe-client";

export const checkoutSchema = z.strictObject({
  tier: z.enum(PURCHASABLE_TIERS as [string, ...string[]], {
    error: `Choose one of: ${PURCHASABLE_TIERS.join(", ")}. For Enterprise, contact us.`,
  }),
});

type BillingWorkspace = Pick<WorkspaceSummary, "id" | "slug" | "name">;

const billingPage = (slug: string) => `${appUrl}/w/${slug}/billing`;

async function storedCustomerId(workspaceId: string): Promise<string | null> {
  const row = await inWorkspace(workspaceId, (tx) => tx.workspace.findUnique({ where: { id: workspaceId }, select: { stripeCustomerId: true } }));
  return row?.stripeCustomerId ?? null;
}

async function ensureCustomer(workspace: BillingWorkspace): Promise<string> {
  const known = await storedCustomerId(workspace.id);
  if (known) return known;
  // The idempotency key makes two simultaneous first checkouts create one customer, not two.
  const customer = await callStripe(() =>
    stripe().customers.create(
      { name: workspace.name, metadata: { workspaceId: workspace.id, slug: workspace.slug } },
      { idempotencyKey: `agenthq-customer-${workspace.id}` },
    ),
  );
  // Whoever stored a customer first wins; use the stored one (normally this same customer).
  await inWorkspace(workspace.id, (tx) =>
    tx.workspace.updateMany({ where: { id: workspace.id, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } }),
  );
  return (await storedCustomerId(workspace.id)) ?? customer.id;
}

/**
 * A Checkout URL for a subscription to `tier`; 409 while the customer has a subscription that is not over
 * (asked of Stripe, which knows of a payment whose webhook has not arrived yet): changes go through the portal.
 */
export async function startCheckout(workspace: BillingWorkspace, tier: string): Promise<{ url: string }> {
  const price = priceForTier(tier as (typeof PURCHASABLE_TIERS)[number]);
  if (!price) throw new AppError("invalid_request", "This tier cannot be bought through checkout.");
  const customer = await ensureCustomer(workspace);
  const existing = await callStripe(() => stripe().subscriptions.list({ customer, status: "all", limit: 20 }));
  // Anything not ended still bills or may still bill: a new checkout would charge twice.
  if (existing.data.some((s) => !ENDED_STATUSES.has(s.status))) {
    throw new AppError("conflict", "This workspace already has a subscription. Change or cancel it with Manage billing.");
  }
  const session = await callStripe(() =>
    stripe().checkout.sessions.create({
      mode: "subscription",
      customer,
      client_reference_id: workspace.id,
      metadata: { workspaceId: workspace.id },
      subscription_data: { metadata: { workspaceId: workspace.id } },
      // With overage billing on, the metered overage price rides along (metered prices take no quantity);
      // it grants no tier, so the tier still comes from the tier's item (prices.ts, decisivePrice).
      line_items: [{ price, quantity: 1 }, ...(env.STRIPE_PRICE_MODEL_OVERAGE ? [{ price: env.STRIPE_PRICE_MODEL_OVERAGE }] : [])],
      allow_promotion_codes: true,
      success_url: `${billingPage(workspace.slug)}?checkout=success`,
      cancel_url: `${billingPage(workspace.slug)}?checkout=cancelled`,
    }),
  );
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return { url: session.url };
}

/** A Customer Portal URL (change plan, card, invoices, cancel); 409 before the first checkout. */
export async function openPortal(workspace: BillingWorkspace): Promise<{ url: string }> {
  const customer = await storedCustomerId(workspace.id);
  if (!customer) throw new AppError("conflict", "This workspace has no billing account yet. Upgrade first.");
  const session = await callStripe(() => stripe().billingPortal.sessions.create({ customer, return_url: billingPage(workspace.slug) }));
  return { url: session.url };
}
