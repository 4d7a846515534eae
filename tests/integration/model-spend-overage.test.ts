// Paid overage of model spend, with billing on: spend past the included amount is written to the meter
// outbox in the same statement that settles it (exactly the overage, once), the Stripe sender reports it,
// and at 2x the workspace pauses (423). Real database, real SDKs against the Anthropic and Stripe stand-ins.
import { afterAll, describe, expect, it } from "vitest";
import { startAnthropicStandIn } from "../support/anthropic-stand-in";
import { startStripeStandIn } from "../support/stripe-stand-in";

const stripeStandIn = await startStripeStandIn();
const anthropic = await startAnthropicStandIn();
Object.assign(process.env, {
  STRIPE_SECRET_KEY: "sk_test_overage_suite",
  STRIPE_WEBHOOK_SECRET: "whsec_test_overage_suite",
  STRIPE_PRICE_STARTER: "price_starter_test",
  STRIPE_PRICE_PRO: "price_pro_test",
  STRIPE_PRICE_MODEL_OVERAGE: "price_overage_test",
  STRIPE_API_BASE: stripeStandIn.url,
});
afterAll(async () => {
  await stripeStandIn.close();
  await anthropic.close();
});

const { AnthropicProvider } = await import("@/lib/agents/providers/anthropic-provider");
const { reportPendingOverage } = await import("@/lib/billing/meter-outbox");
const { createRun } = await import("@/lib/runs/create-run");
const { executeRun } = await import("@/lib/runs/execute-run");
const { getRunDetail } = await import("@/lib/runs/read-runs");
const { periodStart } = await import("@/lib/usage/period");
const { ownerDb } = await import("../support/owner-db");
const { createTeam } = await import("../support/workspace-fixture");

const MODEL = "claude-sonnet-4-6";
const provider = new AnthropicProvider({ apiKey: "platform-key", baseURL: anthropic.url, model: MODEL });
const ticket = { agent: "support-triage", input: { ticket: "The export button does nothing" } };

async function starterWithCustomer(usedMicros: number) {
  const team = await createTeam("pro");
  const customer = `cus_overage_${team.workspaceId.slice(0, 8)}`;
  await ownerDb().workspace.update({ where: { id: team.workspaceId }, data: { tier: "starter", stripeCustomerId: customer } });
  await ownerDb().usageCounter.create({
    data: { workspaceId: team.workspaceId, metric: "model_spend", periodStart: periodStart(), used: usedMicros },
  });
  return {
    ...team,
    customer,
    creator: { ctx: team.as("owner"), workspace: { id: team.workspaceId, tier: "starter" as const, status: "active" as const } },
  };
}

describe("paid overage", () => {
  it("writes exactly the spend past the included $7 to the meter outbox, and Stripe receives it once", async () => {
    const t = await starterWithCustomer(6_999_000); // $0.001 short of the included $7
    const { run } = await createRun(t.creator.ctx, t.creator.workspace, ticket);
    anthropic.replies.push({ content: [{ type: "text", text: "Triaged." }], usage: { input_tokens: 1_000, output_tokens: 1_000 } });
    await executeRun({ runId: run.id, workspaceId: t.workspaceId }, provider);
    const detail = await getRunDetail(t.creator.ctx, run.id);
    expect(detail.status).toBe("succeeded");
    const cost = Math.round(detail.usage.costUsd * 1e6); // 1,000 × $3 + 1,000 × $15 per million = 18,000 micro-USD
    expect(cost).toBe(18_000);

    const outbox = await ownerDb().meterEvent.findMany({ where: { workspaceId: t.workspaceId } });
    expect(outbox.map((e) => Number(e.valueMicros))).toEqual([cost - 1_000]);
    await reportPendingOverage();
    await reportPendingOverage();
    const sent = [...stripeStandIn.meterEvents.values()].filter((e) => e.payload.stripe_customer_id === t.customer);
    expect(sent.map((e) => [e.identifier, e.payload.value])).toEqual([[outbox[0]!.id, String(cost - 1_000)]]);
  });

  it("lets a paid tier run to 2x its included spend, then pauses it (423)", async () => {
    const t = await starterWithCustomer(14_000_000);
    await expect(createRun(t.creator.ctx, t.creator.workspace, ticket)).rejects.toMatchObject({ code: "workspace_paused" });
    const workspace = await ownerDb().workspace.findUniqueOrThrow({ where: { id: t.workspaceId } });
    expect(workspace).toMatchObject({ status: "paused", pausedReason: "quota" });
  });

  it("a paid workspace that does not pay through Stripe stops at its included spend (402), never billed", async () => {
    const t = await starterWithCustomer(7_000_000);
    await ownerDb().workspace.update({ where: { id: t.workspaceId }, data: { stripeCustomerId: null } });
    await expect(createRun(t.creator.ctx, t.creator.workspace, ticket)).rejects.toMatchObject({ code: "quota_exceeded" });
  });
});
