// Model-spend overage billed through Stripe's Billing Meters: the outbox sender with the real `stripe` SDK
// against the local stand-in of Stripe's API, on the real database. Outbox rows are arranged directly
// (app_settle_spend writes them in production), as the owner, past row-level security.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { signedDelivery, stripeEvent } from "../support/stripe-events";
import { startStripeStandIn } from "../support/stripe-stand-in";

const WEBHOOK_SECRET = "whsec_test_meter_suite";
const OVERAGE_PRICE = "price_overage_test";
const stand = await startStripeStandIn();
Object.assign(process.env, {
  STRIPE_SECRET_KEY: "sk_test_meter_suite",
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_PRICE_STARTER: "price_starter_test",
  STRIPE_PRICE_PRO: "price_pro_test",
  STRIPE_PRICE_MODEL_OVERAGE: OVERAGE_PRICE,
  STRIPE_API_BASE: stand.url,
});
afterAll(() => stand.close());
afterEach(() => {
  // A failed test leaves Stripe up and quick for the next.
  stand.outage.remaining = 0;
  stand.latency.ms = 0;
});

const { reportPendingOverage, startOverageReporting, NO_CUSTOMER_ERROR } = await import("@/lib/billing/meter-outbox");
const { overageReconciliation } = await import("@/lib/billing/overage-reconciliation");
const { getBilling } = await import("@/lib/billing/get-billing");
const { startCheckout } = await import("@/lib/billing/checkout");
const { POST: webhook } = await import("@/app/api/webhooks/stripe/route");
const { periodStart } = await import("@/lib/usage/period");
const { formatUsd } = await import("@/lib/spend/money");
const { createTeam } = await import("../support/workspace-fixture");
const { ownerDb } = await import("../support/owner-db");

const EVENT_NAME = "agenthq_model_overage"; // STRIPE_METER_EVENT_NAME's default
let customers = 0;

/** A paid workspace; with `customer`, it has a Stripe customer (as after its first checkout). */
async function workspace(customer = true) {
  const team = await createTeam("pro");
  const customerId = customer ? `cus_meter_${++customers}_${team.workspaceId.slice(-6)}` : null;
  if (customerId) await ownerDb().workspace.update({ where: { id: team.workspaceId }, data: { stripeCustomerId: customerId } });
  return { workspaceId: team.workspaceId, ctx: team.as("owner"), customerId };
}

let sources = 0;
/** An outbox row as app_settle_spend writes it, `ageMs` old. */
function overage(workspaceId: string, valueMicros: number, options: { ageMs?: number; period?: Date } = {}) {
  const createdAt = new Date(Date.now() - (options.ageMs ?? 1_000));
  return ownerDb().meterEvent.create({
    data: {
      workspaceId,
      periodStart: options.period ?? periodStart(createdAt),
      valueMicros: BigInt(valueMicros),
      sourceKey: `turn-${++sources}`,
      createdAt,
    },
  });
}

const row = (id: string) => ownerDb().meterEvent.findUniqueOrThrow({ where: { id } });
const meterPosts = (identifier?: string) =>
  stand.requests.filter(
    (r) => r.path === "/v1/billing/meter_events" && (identifier === undefined || r.form.get("identifier") === identifier),
  ).length;

async function deliver(event: object) {
  const signed = signedDelivery(event, WEBHOOK_SECRET);
  const response = await webhook(
    new Request("http://test/api/webhooks/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signed.signature },
      body: signed.body,
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: await response.json() };
}

describe("reporting overage to Stripe", () => {
  it("reports each pending row once, as its own meter event with the row's id, customer, value and time, and marks it sent", async () => {
    const { workspaceId, customerId } = await workspace();
    const rows = [await overage(workspaceId, 12_345, { ageMs: 60_000 }), await overage(workspaceId, 1_000_000, { ageMs: 30_000 })];
    const round = await reportPendingOverage();
    expect(round.stopped).toBe(false);

    for (const sent of rows) {
      const event = stand.meterEvents.get(sent.id);
      expect(event).toMatchObject({
        event_name: EVENT_NAME,
        identifier: sent.id,
        payload: { stripe_customer_id: customerId, value: String(sent.valueMicros) },
        timestamp: Math.floor(sent.createdAt.getTime() / 1000),
      });
      expect(meterPosts(sent.id)).toBe(1);
      const stored = await row(sent.id);
      expect(stored.sentAt).not.toBeNull();
      expect(stored).toMatchObject({ attempts: 1, lastError: null });
    }

    // Nothing left to send: another round sends nothing again.
    await reportPendingOverage();
    for (const sent of rows) expect(meterPosts(sent.id)).toBe(1);
  });

  it("bills a row once when the process died after Stripe accepted it but before marking it sent", async () => {
    const { workspaceId, customerId } = await workspace();
    const rows = [await overage(workspaceId, 500), await overage(workspaceId, 700)];
    await reportPendingOverage();
    // As if the process had died between Stripe's answer and the mark:
    await ownerDb().meterEvent.updateMany({ where: { workspaceId }, data: { sentAt: null } });

    const round = await reportPendingOverage();
    expect(round.stopped).toBe(false);
    for (const sent of rows) {
      expect(meterPosts(sent.id)).toBe(2); // resent…
      expect([...stand.meterEvents.values()].filter((e) => e.identifier === sent.id)).toHaveLength(1); // …held once
      expect((await row(sent.id)).sentAt).not.toBeNull();
    }
    const billed = [...stand.meterEvents.values()].filter((e) => e.payload.stripe_customer_id === customerId);
    expect(billed.reduce((sum, e) => sum + Number(e.payload.value), 0)).toBe(1_200);
  });

  it("loses and doubles nothing through a Stripe outage, spending one attempt a round on it", async () => {
    const { workspaceId } = await workspace();
    const rows = [
      await overage(workspaceId, 100, { ageMs: 3_000 }),
      await overage(workspaceId, 200, { ageMs: 2_000 }),
      await overage(workspaceId, 300, { ageMs: 1_000 }),
    ];
    stand.outage.remaining = 1_000; // down
    for (let i = 0; i < 2; i++) {
      const posts = meterPosts();
      const round = await reportPendingOverage();
      expect(round.stopped).toBe(true);
      expect(meterPosts() - posts).toBe(2); // one row tried (and the SDK's one retry), then the round stopped
    }
    const attempts = await Promise.all(rows.map(async (r) => (await row(r.id)).attempts));
    expect(attempts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2);
    const first = await row(rows[0]!.id);
    expect(first).toMatchObject({ sentAt: null, attempts: 2 });
    expect(first.lastError).toMatch(/api_error/);
    expect(first.lastError).not.toMatch(/sk_test/);
    for (const r of rows) expect(stand.meterEvents.has(r.id)).toBe(false);

    stand.outage.remaining = 0; // up again
    expect((await reportPendingOverage()).stopped).toBe(false);
    for (const r of rows) {
      expect(stand.meterEvents.get(r.id)?.payload.value).toBe(String(r.valueMicros));
      const stored = await row(r.id);
      expect(stored.sentAt).not.toBeNull();
      expect(stored.lastError).toBeNull();
    }
    expect((await row(rows[0]!.id)).attempts).toBe(3); // two failed, one sent
  });

  it("keeps a row pending with a clear error while its workspace has no Stripe customer, and sends it once it has one", async () => {
    const { workspaceId } = await workspace(false);
    const pending = await overage(workspaceId, 4_200);
    await reportPendingOverage();
    expect(await row(pending.id)).toMatchObject({ sentAt: null, attempts: 1, lastError: NO_CUSTOMER_ERROR });
    expect(meterPosts(pending.id)).toBe(0);
    expect(await overageReconciliation(workspaceId, pending.periodStart)).toEqual({
      overageMicros: 4_200,
      reportedMicros: 0,
      pendingEvents: 1,
    });

    // Waiting rows are recorded once, and never keep other workspaces' rows from being sent.
    const more = [await overage(workspaceId, 1), await overage(workspaceId, 2)];
    const billable = await workspace();
    const next = await overage(billable.workspaceId, 3);
    await reportPendingOverage(1);
    expect(await row(pending.id)).toMatchObject({ sentAt: null, attempts: 1 });
    for (const waiting of more) expect(await row(waiting.id)).toMatchObject({ sentAt: null, attempts: 1, lastError: NO_CUSTOMER_ERROR });
    expect(stand.meterEvents.get(next.id)?.payload.stripe_customer_id).toBe(billable.customerId);

    await ownerDb().workspace.update({ where: { id: workspaceId }, data: { stripeCustomerId: "cus_meter_late" } });
    await reportPendingOverage();
    expect(stand.meterEvents.get(pending.id)?.payload).toEqual({ stripe_customer_id: "cus_meter_late", value: "4200" });
    expect((await row(pending.id)).sentAt).not.toBeNull();
    for (const waiting of more) expect((await row(waiting.id)).sentAt).not.toBeNull();
  });

  it("records a row Stripe refuses and goes on with the next one", async () => {
    const { workspaceId } = await workspace();
    const tooOld = await overage(workspaceId, 10, { ageMs: 40 * 86_400_000 }); // past Stripe's 35 days
    const fresh = await overage(workspaceId, 20);
    const round = await reportPendingOverage();
    expect(round.stopped).toBe(false);
    const refused = await row(tooOld.id);
    expect(refused).toMatchObject({ sentAt: null, attempts: 1 });
    expect(refused.lastError).toMatch(/invalid_request_error: Timestamp must be within the past 35 calendar days/);
    expect((await row(fresh.id)).sentAt).not.toBeNull();
    await ownerDb().meterEvent.delete({ where: { id: tooOld.id } }); // it would be refused on every later round
  });

  it("reports on an interval without overlapping its own rounds, and stops", async () => {
    const { workspaceId } = await workspace();
    const pending = await overage(workspaceId, 999);
    stand.latency.ms = 150; // each round outlasts several ticks
    const stop = startOverageReporting(20);
    try {
      await expect.poll(async () => (await row(pending.id)).sentAt, { timeout: 10_000, interval: 25 }).not.toBeNull();
    } finally {
      await stop();
      stand.latency.ms = 0;
    }
    expect(meterPosts(pending.id)).toBe(1);
    const later = await overage(workspaceId, 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(meterPosts(later.id)).toBe(0); // stopped: nothing more is sent
    await reportPendingOverage();
  });
});

describe("overage reconciliation", () => {
  it("sums the period's overage, the part reported to Stripe, and counts what is pending", async () => {
    const { workspaceId, ctx } = await workspace();
    const other = await workspace();
    const period = periodStart();
    const lastPeriod = new Date(Date.UTC(period.getUTCFullYear(), period.getUTCMonth() - 1, 1));
    await overage(workspaceId, 1_000_000, { period });
    await overage(workspaceId, 12_345, { period });
    await overage(other.workspaceId, 5_000_000, { period });
    await overage(workspaceId, 777, { period: lastPeriod });
    await reportPendingOverage();
    const unsent = await overage(workspaceId, 50, { period });

    expect(await overageReconciliation(workspaceId, period)).toEqual({
      overageMicros: 1_012_395,
      reportedMicros: 1_012_345,
      pendingEvents: 1,
    });
    expect(await overageReconciliation(workspaceId, lastPeriod)).toEqual({ overageMicros: 777, reportedMicros: 777, pendingEvents: 0 });
    expect((await getBilling(ctx)).overage).toEqual({ overageMicros: 1_012_395, reportedMicros: 1_012_345, pendingEvents: 1 });
    expect([formatUsd(1_012_395), formatUsd(1_012_345)]).toEqual(["$1.012395", "$1.012345"]);
    await reportPendingOverage();
    expect((await row(unsent.id)).sentAt).not.toBeNull();
  });
});

describe("checkout with overage billing", () => {
  it("sells the metered overage price alongside the tier, and the tier still decides the entitlement", async () => {
    const team = await createTeam("free");
    const { url } = await startCheckout(team.as("owner"), "pro");
    const sessionId = url.split("/").pop()!;
    expect(stand.sessions.get(sessionId)?.priceIds).toEqual(["price_pro_test", OVERAGE_PRICE]);
    const overageLine = stand.requests.find(
      (r) => r.path === "/v1/checkout/sessions" && r.form.get("client_reference_id") === team.workspaceId,
    )!;
    expect(overageLine.form.get("line_items[1][price]")).toBe(OVERAGE_PRICE);
    expect(overageLine.form.has("line_items[1][quantity]")).toBe(false); // metered prices take no quantity

    const { session, subscription } = stand.completeCheckout(sessionId);
    expect(subscription.items.data.map((i) => i.price.id)).toEqual(["price_pro_test", OVERAGE_PRICE]);
    expect((await deliver(stripeEvent("checkout.session.completed", session))).body.outcome).toBe("applied");
    expect((await ownerDb().workspace.findUniqueOrThrow({ where: { id: team.workspaceId } })).tier).toBe("pro");
    expect(await ownerDb().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: subscription.id } })).toMatchObject({
      priceId: "price_pro_test",
    });
  });

  it("takes the tier from the tier's item whichever order Stripe lists the items in", async () => {
    const team = await createTeam("free");
    const customerId = `cus_meter_order_${team.workspaceId.slice(-6)}`;
    await ownerDb().workspace.update({ where: { id: team.workspaceId }, data: { stripeCustomerId: customerId } });
    const subscription = stand.createSubscription(customerId, [OVERAGE_PRICE, "price_starter_test"]);
    expect((await deliver(stripeEvent("customer.subscription.created", subscription))).body.outcome).toBe("applied");
    expect((await ownerDb().workspace.findUniqueOrThrow({ where: { id: team.workspaceId } })).tier).toBe("starter");
    expect(await ownerDb().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: subscription.id } })).toMatchObject({
      priceId: "price_starter_test",
    });

    // Only the overage item left (the tier's removed): it grants nothing.
    const onlyOverage = stand.createSubscription(customerId, [OVERAGE_PRICE]);
    stand.subscriptions.delete(subscription.id);
    await deliver(stripeEvent("customer.subscription.deleted", { ...subscription, status: "canceled" }));
    await deliver(stripeEvent("customer.subscription.created", onlyOverage));
    expect((await ownerDb().workspace.findUniqueOrThrow({ where: { id: team.workspaceId } })).tier).toBe("free");
  });
});
