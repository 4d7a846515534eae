// Billing end to end below the browser: the real `stripe` SDK talks to a local stand-in of Stripe's API,
// webhooks are signed with the SDK's test helper and posted to the real route handler, on the real database.
import { afterAll, describe, expect, it, vi } from "vitest";
import { invoiceFor, signedDelivery, stripeEvent } from "../support/stripe-events";
import { startStripeStandIn } from "../support/stripe-stand-in";

const WEBHOOK_SECRET = "whsec_test_billing_suite";
const stand = await startStripeStandIn();
Object.assign(process.env, {
  STRIPE_SECRET_KEY: "sk_test_billing_suite",
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_PRICE_STARTER: "price_starter_test",
  STRIPE_PRICE_PRO: "price_pro_test, price_pro_legacy",
  STRIPE_API_BASE: stand.url,
  BILLING_GRACE_DAYS: "7",
});
afterAll(() => stand.close());

const { POST: webhook } = await import("@/app/api/webhooks/stripe/route");
const { startCheckout, openPortal } = await import("@/lib/billing/checkout");
const { reviewLapsedSubscriptions } = await import("@/lib/billing/billing-sweep");
const { logger } = await import("@/lib/log/logger");
const { appMetrics } = await import("@/lib/metrics/registry");
const { createTeam } = await import("../support/workspace-fixture");
const { ownerDb } = await import("../support/owner-db");

async function deliver(event: object, options: { secret?: string; timestamp?: number; signature?: string | null; body?: string } = {}) {
  const signed = signedDelivery(event, options.secret ?? WEBHOOK_SECRET, options.timestamp);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const signature = options.signature === undefined ? signed.signature : options.signature;
  if (signature !== null) headers["stripe-signature"] = signature;
  const response = await webhook(
    new Request("http://test/api/webhooks/stripe", { method: "POST", headers, body: options.body ?? signed.body }),
    {
      params: Promise.resolve({}),
    },
  );
  return { status: response.status, body: await response.json() };
}

const workspaceRow = (id: string) => ownerDb().workspace.findUniqueOrThrow({ where: { id } });
const auditActions = async (workspaceId: string) =>
  (await ownerDb().auditLog.findMany({ where: { workspaceId }, orderBy: { at: "asc" } })).map((a) => a.action);

/** A workspace that went through Checkout for `tier`: its customer exists and its subscription is active. */
async function subscribed(tier: "starter" | "pro") {
  const team = await createTeam("free");
  const ctx = team.as("owner");
  const { url } = await startCheckout(ctx, tier);
  const { session, subscription } = stand.completeCheckout(url.split("/").pop()!);
  return { team, ctx, session, subscription };
}

describe("checkout", () => {
  it("creates the customer once and a subscription checkout linked to the workspace", async () => {
    const team = await createTeam("free");
    const ctx = team.as("owner");
    const [first, second] = await Promise.all([startCheckout(ctx, "pro"), startCheckout(ctx, "starter")]);
    expect(first.url).toMatch(new RegExp(`^${stand.url}/checkout/cs_test_`));
    expect(second.url).not.toBe(first.url);

    const customerId = (await workspaceRow(team.workspaceId)).stripeCustomerId;
    expect(customerId).toMatch(/^cus_/);
    expect(stand.customers.get(customerId!)?.metadata).toEqual({ workspaceId: team.workspaceId, slug: team.slug });
    expect([...stand.customers.values()].filter((c) => c.metadata.workspaceId === team.workspaceId)).toHaveLength(1);

    const session = stand.sessions.get(first.url.split("/").pop()!)!;
    expect(session).toMatchObject({
      mode: "subscription",
      customer: customerId,
      client_reference_id: team.workspaceId,
      priceId: "price_pro_test",
    });
    expect(session.metadata).toEqual({ workspaceId: team.workspaceId });
    expect(session.success_url).toContain(`/w/${team.slug}/billing?checkout=success`);
  });

  it("refuses a second subscription while one is paying, and opens the portal instead", async () => {
    const { ctx, session } = await subscribed("starter");
    expect((await deliver(stripeEvent("checkout.session.completed", session))).body.outcome).toBe("applied");
    await expect(startCheckout(ctx, "pro")).rejects.toMatchObject({ code: "conflict" });
    const portal = await openPortal(ctx);
    expect(portal.url).toMatch(new RegExp(`^${stand.url}/portal/`));
  });

  it("refuses a second checkout while the first payment's webhook has not arrived", async () => {
    const { ctx } = await subscribed("starter"); // paid at Stripe, no event delivered yet
    await expect(startCheckout(ctx, "pro")).rejects.toMatchObject({ code: "conflict" });
  });

  it("has no portal before the first checkout", async () => {
    const team = await createTeam("free");
    await expect(openPortal(team.as("owner"))).rejects.toMatchObject({ code: "conflict" });
  });

  it("answers 503 when Stripe cannot be reached", async () => {
    const team = await createTeam("free");
    stand.outage.remaining = 2; // the SDK retries once
    await expect(startCheckout(team.as("owner"), "pro")).rejects.toMatchObject({ code: "unavailable" });
    stand.outage.remaining = 0;
  });
});

describe("webhook", () => {
  it("upgrades on checkout.session.completed and drops to Free when the subscription is deleted", async () => {
    const { team, session, subscription } = await subscribed("pro");
    const completed = await deliver(stripeEvent("checkout.session.completed", session));
    expect(completed).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect((await workspaceRow(team.workspaceId)).tier).toBe("pro");
    expect(await ownerDb().subscription.findUnique({ where: { stripeSubscriptionId: subscription.id } })).toMatchObject({
      workspaceId: team.workspaceId,
      priceId: "price_pro_test",
      status: "active",
    });

    const deleted = stand.changeSubscription(subscription.id, { status: "canceled" });
    expect((await deliver(stripeEvent("customer.subscription.deleted", deleted))).status).toBe(200);
    expect((await workspaceRow(team.workspaceId)).tier).toBe("free");
    const tierChanges = await ownerDb().auditLog.findMany({
      where: { workspaceId: team.workspaceId, action: "tier.changed" },
      orderBy: { at: "asc" },
    });
    expect(tierChanges.map((a) => a.metadata)).toEqual([
      { from: "free", to: "pro", source: "stripe" },
      { from: "pro", to: "free", source: "stripe" },
    ]);
  });

  it("ends in the right tier when events arrive out of order", async () => {
    const { team, subscription } = await subscribed("starter");
    const createdAsStarter = stripeEvent("customer.subscription.created", subscription, 1_000);
    const updatedToPro = stripeEvent(
      "customer.subscription.updated",
      stand.changeSubscription(subscription.id, { priceId: "price_pro_test" }),
      2_000,
    );
    // updated before created
    await deliver(updatedToPro);
    await deliver(createdAsStarter);
    expect((await workspaceRow(team.workspaceId)).tier).toBe("pro");

    // an old update after a newer one
    const updatedToStarter = stripeEvent(
      "customer.subscription.updated",
      stand.changeSubscription(subscription.id, { priceId: "price_starter_test" }),
      3_000,
    );
    await deliver(updatedToStarter);
    await deliver({ ...updatedToPro, id: `${updatedToPro.id}_late` });
    expect((await workspaceRow(team.workspaceId)).tier).toBe("starter");
  });

  it("applies the same event delivered 20 times at once exactly once", async () => {
    const { team, session } = await subscribed("pro");
    const event = stripeEvent("checkout.session.completed", session);
    const results = await Promise.all(Array.from({ length: 20 }, () => deliver(event)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(results.filter((r) => r.body.outcome === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.body.outcome === "duplicate")).toHaveLength(19);
    expect(await ownerDb().stripeEvent.count({ where: { id: event.id } })).toBe(1);
    expect((await auditActions(team.workspaceId)).filter((a) => a === "tier.changed")).toHaveLength(1);
    const exposition = await appMetrics().registry.metrics();
    expect(exposition).toMatch(/agenthq_stripe_events_total\{type="checkout.session.completed",outcome="duplicate"\} 19$/m);
    expect((await workspaceRow(team.workspaceId)).tier).toBe("pro");
  });

  it("refuses bad, missing and stale signatures with 400 and changes nothing", async () => {
    const { team, session } = await subscribed("pro");
    const event = stripeEvent("checkout.session.completed", session);
    const genuine = signedDelivery(event, WEBHOOK_SECRET);
    const attempts = [
      await deliver(event, { secret: "whsec_someone_else" }),
      await deliver(event, { signature: null }),
      await deliver(event, { signature: "" }),
      await deliver(event, { signature: "t=1,v1=deadbeef" }),
      await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 3_600 }),
      await deliver(event, { signature: genuine.signature, body: genuine.body.replace('"mode":"subscription"', '"mode":"subscription" ') }),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(400);
      expect(attempt.body).toMatchObject({ code: "invalid_request", status: 400 });
    }
    expect((await workspaceRow(team.workspaceId)).tier).toBe("free");
    expect(await ownerDb().stripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect(await ownerDb().subscription.count({ where: { workspaceId: team.workspaceId } })).toBe(0);
  });

  it("acknowledges and logs an event for a customer it does not know", async () => {
    const warn = vi.spyOn(logger, "warn");
    const subscription = stand.createSubscription("cus_nobody_knows", "price_pro_test");
    const result = await deliver(stripeEvent("customer.subscription.updated", subscription));
    expect(result).toEqual({ status: 200, body: { received: true, outcome: "unknown_customer" } });
    expect(warn).toHaveBeenCalledWith(
      "stripe event for an unknown customer acknowledged",
      expect.objectContaining({ customerId: "cus_nobody_knows" }),
    );
    warn.mockRestore();
  });

  it("never links a customer it did not create to the workspace an event names", async () => {
    const victim = await createTeam("free");
    const stranger = stand.createSubscription("cus_stranger", "price_pro_test");
    const session = {
      id: "cs_test_payment_link",
      object: "checkout.session",
      mode: "subscription",
      customer: "cus_stranger",
      subscription: stranger.id,
      client_reference_id: victim.workspaceId,
      metadata: { workspaceId: victim.workspaceId },
    };
    const result = await deliver(stripeEvent("checkout.session.completed", session));
    expect(result.body.outcome).toBe("unknown_customer");
    expect(await workspaceRow(victim.workspaceId)).toMatchObject({ tier: "free", stripeCustomerId: null });
  });

  it("acknowledges events it does not handle", async () => {
    expect(await deliver(stripeEvent("customer.created", { id: "cus_x", object: "customer" }))).toEqual({
      status: 200,
      body: { received: true, outcome: "ignored" },
    });
  });

  it("answers 5xx while Stripe is unreachable, records nothing, and applies the redelivery", async () => {
    const { team, session } = await subscribed("pro");
    const event = stripeEvent("checkout.session.completed", session);
    stand.outage.remaining = 2;
    expect((await deliver(event)).status).toBeGreaterThanOrEqual(500);
    expect(await ownerDb().stripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect((await workspaceRow(team.workspaceId)).tier).toBe("free");
    stand.outage.remaining = 0;
    expect((await deliver(event)).body.outcome).toBe("applied");
    expect((await workspaceRow(team.workspaceId)).tier).toBe("pro");
  });
});

describe("entitlements", () => {
  it("keeps the tier through a failed payment's grace period, then drops to Free; a paid invoice restores it", async () => {
    const { team, session, subscription } = await subscribed("pro");
    await deliver(stripeEvent("checkout.session.completed", session));
    stand.changeSubscription(subscription.id, { status: "past_due" });
    await deliver(stripeEvent("invoice.payment_failed", invoiceFor(subscription)));
    expect((await workspaceRow(team.workspaceId)).tier).toBe("pro");
    expect(await auditActions(team.workspaceId)).toContain("billing.payment_failed");
    const row = await ownerDb().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: subscription.id } });
    expect(row.status).toBe("past_due");
    expect(row.pastDueSince).not.toBeNull();

    // Still within the grace period: the sweep leaves it. Eight days later it drops to Free.
    await reviewLapsedSubscriptions();
    expect((await workspaceRow(team.workspaceId)).tier).toBe("pro");
    await ownerDb().subscription.update({ where: { id: row.id }, data: { pastDueSince: new Date(Date.now() - 8 * 86_400_000) } });
    await reviewLapsedSubscriptions();
    expect((await workspaceRow(team.workspaceId)).tier).toBe("free");

    stand.changeSubscription(subscription.id, { status: "active" });
    await deliver(stripeEvent("invoice.paid", invoiceFor(subscription)));
    expect((await workspaceRow(team.workspaceId)).tier).toBe("pro");
    expect((await ownerDb().subscription.findUniqueOrThrow({ where: { id: row.id } })).pastDueSince).toBeNull();
  });

  it("keeps the tier after a cancellation until the period ends", async () => {
    const { team, session, subscription } = await subscribed("starter");
    await deliver(stripeEvent("checkout.session.completed", session));
    await deliver(stripeEvent("customer.subscription.updated", stand.changeSubscription(subscription.id, { cancelAtPeriodEnd: true })));
    expect((await workspaceRow(team.workspaceId)).tier).toBe("starter");
    expect(await ownerDb().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: subscription.id } })).toMatchObject({
      cancelAtPeriodEnd: true,
    });

    // Stripe ends it at the period's end; if that event is lost, the sweep finds the period over,
    // asks Stripe, and ends the tier.
    stand.changeSubscription(subscription.id, { status: "canceled" });
    await ownerDb().subscription.update({
      where: { stripeSubscriptionId: subscription.id },
      data: { currentPeriodEnd: new Date(Date.now() - 60_000) },
    });
    await reviewLapsedSubscriptions();
    expect((await workspaceRow(team.workspaceId)).tier).toBe("free");
  });

  it("reviews a subscription whose renewal was never heard of: Stripe's state decides, a vanished one has ended", async () => {
    const renewed = await subscribed("pro");
    const vanished = await subscribed("starter");
    for (const { session } of [renewed, vanished]) await deliver(stripeEvent("checkout.session.completed", session));
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    for (const { subscription } of [renewed, vanished]) {
      await ownerDb().subscription.update({ where: { stripeSubscriptionId: subscription.id }, data: { currentPeriodEnd: twoDaysAgo } });
    }
    stand.subscriptions.delete(vanished.subscription.id);
    await reviewLapsedSubscriptions();

    // Still active at Stripe (it renewed): kept, with the new period end stored.
    expect((await workspaceRow(renewed.team.workspaceId)).tier).toBe("pro");
    const row = await ownerDb().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: renewed.subscription.id } });
    expect(row.currentPeriodEnd.getTime()).toBeGreaterThan(Date.now());
    // Unknown to Stripe: ended.
    expect((await workspaceRow(vanished.team.workspaceId)).tier).toBe("free");
    expect((await ownerDb().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: vanished.subscription.id } })).status).toBe(
      "canceled",
    );
  });

  it("lifts a quota pause at once when the tier rises", async () => {
    const { team, session } = await subscribed("pro");
    await ownerDb().workspace.update({
      where: { id: team.workspaceId },
      data: { status: "paused", pausedReason: "quota", pausedAt: new Date() },
    });
    await deliver(stripeEvent("checkout.session.completed", session));
    expect(await workspaceRow(team.workspaceId)).toMatchObject({ tier: "pro", status: "active", pausedReason: null });
  });

  it("keeps granting the tier to a price that was replaced, and sells only the first", async () => {
    const { team, session, subscription } = await subscribed("pro");
    expect(stand.sessions.get(session.id)?.priceId).toBe("price_pro_test");
    await deliver(stripeEvent("checkout.session.completed", session));
    await deliver(stripeEvent("customer.subscription.updated", stand.changeSubscription(subscription.id, { priceId: "price_pro_legacy" })));
    expect((await workspaceRow(team.workspaceId)).tier).toBe("pro");
    await deliver(
      stripeEvent("customer.subscription.updated", stand.changeSubscription(subscription.id, { priceId: "price_someone_elses" })),
    );
    expect((await workspaceRow(team.workspaceId)).tier).toBe("free");
  });

  it("leaves an Enterprise workspace as the administrator set it", async () => {
    const { team, session, subscription } = await subscribed("starter");
    await ownerDb().workspace.update({ where: { id: team.workspaceId }, data: { tier: "enterprise" } });
    await deliver(stripeEvent("customer.subscription.deleted", stand.changeSubscription(subscription.id, { status: "canceled" })));
    await deliver(stripeEvent("checkout.session.completed", session));
    expect((await workspaceRow(team.workspaceId)).tier).toBe("enterprise");
  });
});

describe("checkout without overage billing", () => {
  it("sells the tier's price alone when no metered overage price is configured", async () => {
    const team = await createTeam("free");
    const { url } = await startCheckout(team.as("owner"), "starter");
    const session = stand.sessions.get(url.split("/").pop()!)!;
    expect(session.priceIds).toEqual(["price_starter_test"]);
    const { subscription } = stand.completeCheckout(session.id);
    expect(subscription.items.data.map((i) => i.price.id)).toEqual(["price_starter_test"]);
  });
});
