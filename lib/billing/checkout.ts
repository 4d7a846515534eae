// Upgrading through Stripe Checkout and managing a subscription in Stripe's Customer Portal. The
// workspace's Stripe customer is created before the first checkout, so every later event names a customer
// the webhook can map back to the workspace.
import { z } from "zod";
import { appUrl, env } from "@/config/env";
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { ENDED_STATUSES } from "./entitlement";
import { priceForTier, PURCHASABLE_TIERS } from "./prices";
import { stripe } from "./stripe-client";
import { callStripe } from "./stripe-errors";

export const checkoutSchema = z.strictObject({
  tier: z.enum(PURCHASABLE_TIERS as [string, ...string[]], {
    error: `Choose one of: ${PURCHASABLE_TIERS.join(", ")}. For Enterprise, contact us.`,
  }),
});

const billingPage = (slug: string) => `${appUrl}/w/${slug}/billing`;

/** The workspace's name (the new customer's) and its Stripe customer, if it has one. */
async function billingAccount(workspaceId: string): Promise<{ name: string; stripeCustomerId: string | null } | null> {
  return inWorkspace(workspaceId, (tx) =>
    tx.workspace.findUnique({ where: { id: workspaceId }, select: { name: true, stripeCustomerId: true } }),
  );
}

async function storedCustomerId(workspaceId: string): Promise<string | null> {
  return (await billingAccount(workspaceId))?.stripeCustomerId ?? null;
}

async function ensureCustomer(ctx: WorkspaceContext): Promise<string> {
  const { workspaceId } = ctx;
  const account = await billingAccount(workspaceId);
  if (account?.stripeCustomerId) return account.stripeCustomerId;
  // The idempotency key makes two simultaneous first checkouts create one customer, not two.
  const customer = await callStripe(() =>
    stripe().customers.create(
      { name: account?.name, metadata: { workspaceId, slug: ctx.slug } },
      { idempotencyKey: `agenthq-customer-${workspaceId}` },
    ),
  );
  // Whoever stored a customer first wins; use the stored one (normally this same customer).
  await inWorkspace(workspaceId, (tx) =>
    tx.workspace.updateMany({ where: { id: workspaceId, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } }),
  );
  return (await storedCustomerId(workspaceId)) ?? customer.id;
}

/**
 * A Checkout URL for a subscription to `tier`; 409 while the customer has a subscription that is not over
 * (asked of Stripe, which knows of a payment whose webhook has not arrived yet): changes go through the portal.
 */
export async function startCheckout(ctx: WorkspaceContext, tier: string): Promise<{ url: string }> {
  const price = priceForTier(tier as (typeof PURCHASABLE_TIERS)[number]);
  if (!price) throw new AppError("invalid_request", "This tier cannot be bought through checkout.");
  const customer = await ensureCustomer(ctx);
  const existing = await callStripe(() => stripe().subscriptions.list({ customer, status: "all", limit: 20 }));
  // Anything not ended still bills or may still bill: a new checkout would charge twice.
  if (existing.data.some((s) => !ENDED_STATUSES.has(s.status))) {
    throw new AppError("conflict", "This workspace already has a subscription. Change or cancel it with Manage billing.");
  }
  const session = await callStripe(() =>
    stripe().checkout.sessions.create({
      mode: "subscription",
      customer,
      client_reference_id: ctx.workspaceId,
      metadata: { workspaceId: ctx.workspaceId },
      subscription_data: { metadata: { workspaceId: ctx.workspaceId } },
      // With overage billing on, the metered overage price rides along (metered prices take no quantity);
      // it grants no tier, so the tier still comes from the tier's item (prices.ts, decisivePrice).
      line_items: [{ price, quantity: 1 }, ...(env.STRIPE_PRICE_MODEL_OVERAGE ? [{ price: env.STRIPE_PRICE_MODEL_OVERAGE }] : [])],
      allow_promotion_codes: true,
      success_url: `${billingPage(ctx.slug)}?checkout=success`,
      cancel_url: `${billingPage(ctx.slug)}?checkout=cancelled`,
    }),
  );
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return { url: session.url };
}

/** A Customer Portal URL (change plan, card, invoices, cancel); 409 before the first checkout. */
export async function openPortal(ctx: WorkspaceContext): Promise<{ url: string }> {
  const customer = await storedCustomerId(ctx.workspaceId);
  if (!customer) throw new AppError("conflict", "This workspace has no billing account yet. Upgrade first.");
  const session = await callStripe(() => stripe().billingPortal.sessions.create({ customer, return_url: billingPage(ctx.slug) }));
  return { url: session.url };
}
