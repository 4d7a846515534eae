// Limits in money, on the real database and queue with the real Anthropic SDK against a stand-in that
// bills tokens like the real API: every turn is priced exactly as billed, reserved before it is sent,
// settled after; concurrent runs never overspend; a run that cannot fit is refused; BYOK bills the customer.
import { afterAll, describe, expect, it } from "vitest";
import { AnthropicProvider } from "@/lib/agents/providers/anthropic-provider";
import { OfflineProvider } from "@/lib/agents/providers/offline-provider";
import { createRun } from "@/lib/runs/create-run";
import { executeRun } from "@/lib/runs/execute-run";
import { getRunDetail } from "@/lib/runs/read-runs";
import { releaseExpiredReservations } from "@/lib/spend/spend-ledger";
import { providerKeyInfo, removeProviderKey, setProviderKey, setSpendLimit } from "@/lib/spend/spend-settings";
import { getUsage } from "@/lib/usage/get-usage";
import { periodStart } from "@/lib/usage/period";
import { startAnthropicStandIn } from "../support/anthropic-stand-in";
import { ownerDb } from "../support/owner-db";
import { createTeam } from "../support/workspace-fixture";

const MODEL = "claude-sonnet-4-6";
const standIn = await startAnthropicStandIn();
afterAll(() => standIn.close());

const platform = new AnthropicProvider({ apiKey: "platform-key", baseURL: standIn.url, model: MODEL });
const forOwnKey = (apiKey: string) => new AnthropicProvider({ apiKey, baseURL: standIn.url, model: MODEL });
const ticket = { agent: "support-triage", input: { ticket: "Invoices are wrong since Monday" } };

async function team(tier: "free" | "pro" = "pro") {
  const t = await createTeam(tier);
  return { ...t, creator: { ctx: t.as("owner"), workspace: { id: t.workspaceId, tier, status: "active" as const } } };
}

async function spendCounter(workspaceId: string) {
  const c = await ownerDb().usageCounter.findFirst({ where: { workspaceId, metric: "model_spend", periodStart: periodStart() } });
  return { used: Number(c?.used ?? 0), reserved: Number(c?.reserved ?? 0) };
}

const billedSince = (from: number) => standIn.billed.slice(from);

/** Runs `work` with the stand-in answering every request with `reply`, then back to scripted replies only. */
async function withEveryReply<T>(reply: NonNullable<typeof standIn.fallback.reply>, work: () => Promise<T>): Promise<T> {
  standIn.fallback.reply = reply;
  try {
    return await work();
  } finally {
    standIn.fallback.reply = undefined;
  }
}

describe("per-turn accounting", () => {
  it("records each turn's tokens and cost exactly as the provider billed them, cache tokens included", async () => {
    const t = await team();
    const { run } = await createRun(t.creator.ctx, t.creator.workspace, ticket);
    const before = standIn.billed.length;
    standIn.replies.push(
      {
        content: [{ type: "tool_use", name: "classify", input: { text: "Invoices are wrong" } }],
        usage: { input_tokens: 1_234, output_tokens: 57, cache_creation_input_tokens: 2_000, cache_read_input_tokens: 0 },
      },
      {
        content: [{ type: "text", text: "Urgency: high. Topic: billing." }],
        usage: { input_tokens: 311, output_tokens: 403, cache_creation_input_tokens: 0, cache_read_input_tokens: 2_000 },
      },
    );
    await executeRun({ runId: run.id, workspaceId: t.workspaceId }, platform, forOwnKey);

    const billed = billedSince(before);
    const detail = await getRunDetail(t.creator.ctx, run.id);
    expect(detail.status).toBe("succeeded");
    expect(detail.trace.map((s) => [s.inputTokens, s.outputTokens, s.cacheWriteTokens, s.cacheReadTokens])).toEqual(
      billed.map((b) => [
        b.usage.input_tokens,
        b.usage.output_tokens,
        b.usage.cache_creation_input_tokens,
        b.usage.cache_read_input_tokens,
      ]),
    );
    const steps = await ownerDb().runStep.findMany({ where: { runId: run.id }, orderBy: { turn: "asc" } });
    expect(steps.map((s) => Number(s.costMicros))).toEqual(billed.map((b) => b.costMicros));
    expect(steps.map((s) => s.toolCalls)).toEqual([["classify"], []]);
    expect(steps.every((s) => s.latencyMs >= 0 && !s.estimated && s.billedTo === "platform")).toBe(true);

    const total = billed.reduce((sum, b) => sum + b.costMicros, 0);
    expect(detail.usage).toEqual({
      inputTokens: 1_545,
      outputTokens: 460,
      cacheReadTokens: 2_000,
      cacheWriteTokens: 2_000,
      costUsd: total / 1e6,
      billedTo: "platform",
    });
    // The ledger holds one entry per turn and the counter equals it; no reservation is left holding budget.
    const ledger = await ownerDb().usageEvent.findMany({ where: { workspaceId: t.workspaceId, metric: "model_spend" } });
    expect(ledger.map((e) => e.idempotencyKey).sort()).toEqual([`run:${run.id}:a1:t1`, `run:${run.id}:a1:t2`]);
    expect(await spendCounter(t.workspaceId)).toEqual({ used: total, reserved: 0 });
    expect((await getUsage(t.creator.ctx)).modelSpend).toMatchObject({ usedUsd: total / 1e6, reservedUsd: 0, includedUsd: 22 });
  });

  it("prices the offline provider's estimated tokens as the default model, labelled estimated", async () => {
    const t = await team();
    const { run } = await createRun(t.creator.ctx, t.creator.workspace, ticket);
    await executeRun({ runId: run.id, workspaceId: t.workspaceId }, new OfflineProvider(0, MODEL), forOwnKey);
    const steps = await ownerDb().runStep.findMany({ where: { runId: run.id } });
    expect(steps.length).toBe(2);
    expect(
      steps.every((s) => s.estimated && s.model === MODEL && s.provider === "offline" && s.inputTokens > 0 && Number(s.costMicros) > 0),
    ).toBe(true);
    expect((await spendCounter(t.workspaceId)).used).toBe(steps.reduce((sum, s) => sum + Number(s.costMicros), 0));
  });
});

describe("budgets", () => {
  it("20 runs started at once against a budget that fits 7 turns: the provider is never paid beyond it", async () => {
    const t = await team();
    // Each turn reserves its worst case (input bytes + 2,048 output tokens at list price): about $0.032,
    // and costs $0.0312 (400 input, 2,000 output tokens).
    const budget = 7 * 33_000;
    await ownerDb().workspace.update({ where: { id: t.workspaceId }, data: { modelBudgetMicros: budget } });
    const runs = await Promise.all(Array.from({ length: 20 }, () => createRun(t.creator.ctx, t.creator.workspace, ticket)));
    const before = standIn.billed.length;
    await withEveryReply(
      { content: [{ type: "text", text: "Done." }], usage: { input_tokens: 400, output_tokens: 2_000 }, delayMs: 150 },
      () => Promise.all(runs.map(({ run }) => executeRun({ runId: run.id, workspaceId: t.workspaceId }, platform, forOwnKey))),
    );
    const paid = billedSince(before).reduce((sum, b) => sum + b.costMicros, 0);
    expect(paid).toBeLessThanOrEqual(budget);
    const final = await Promise.all(runs.map(({ run }) => getRunDetail(t.creator.ctx, run.id)));
    const succeeded = final.filter((r) => r.status === "succeeded");
    expect(succeeded.length).toBeGreaterThanOrEqual(6);
    // The last turns may go with fewer output tokens than the full worst case; none beyond the budget.
    expect(succeeded.length).toBeLessThan(20);
    expect(
      final
        .filter((r) => r.status === "failed")
        .every((r) => r.error === "The workspace's model budget is used up for this month, so the run was stopped."),
    ).toBe(true);
    expect(await spendCounter(t.workspaceId)).toEqual({ used: paid, reserved: 0 });
  });

  it("refuses at POST a run whose input alone cannot fit the remaining budget, with the estimate", async () => {
    const t = await team("free");
    const csv = "region,revenue\n" + "north,1234567\n".repeat(34_000); // ~476,000 characters
    const error = await createRun(t.creator.ctx, t.creator.workspace, { agent: "data-analyst", input: { csv } }).catch((e) => e);
    expect(error).toMatchObject({ code: "quota_exceeded" });
    expect(error.message).toMatch(/input alone may cost up to \$1\.\d+ .*\$0\.50 left/);
    expect(await ownerDb().run.count({ where: { workspaceId: t.workspaceId } })).toBe(0);
  });

  it("with billing off no overage can be billed: every tier stops at its included spend (402)", async () => {
    const pro = await team("pro");
    // Billing is off here, so no overage can be billed: Pro stops at its included $22.
    await ownerDb().usageCounter.create({
      data: { workspaceId: pro.workspaceId, metric: "model_spend", periodStart: periodStart(), used: 22_000_000 },
    });
    await expect(createRun(pro.creator.ctx, pro.creator.workspace, ticket)).rejects.toMatchObject({ code: "quota_exceeded" });

    const free = await team("free");
    await ownerDb().usageCounter.create({
      data: { workspaceId: free.workspaceId, metric: "model_spend", periodStart: periodStart(), used: 500_000 },
    });
    await expect(createRun(free.creator.ctx, free.creator.workspace, ticket)).rejects.toMatchObject({ code: "quota_exceeded" });
  });

  it("an owner's spend limit refuses the next run with its message, and only owners may set it", async () => {
    const t = await team("pro");
    await expect(setSpendLimit(t.as("admin"), 1)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setSpendLimit(t.as("owner"), 22)).rejects.toMatchObject({ code: "invalid_request" });
    await setSpendLimit(t.as("owner"), 0.05);
    await ownerDb().usageCounter.create({
      data: { workspaceId: t.workspaceId, metric: "model_spend", periodStart: periodStart(), used: 50_000 },
    });
    const error = await createRun(t.creator.ctx, t.creator.workspace, ticket).catch((e) => e);
    expect(error).toMatchObject({ code: "quota_exceeded" });
    expect(error.message).toContain("spend limit ($0.05)");
    const audit = await ownerDb().auditLog.findMany({ where: { workspaceId: t.workspaceId, action: "spend_limit.changed" } });
    expect(audit).toHaveLength(1);
  });

  it("alerts owners at 50%, 80% and 100% of their spend limit, once each, with audit entries", async () => {
    const t = await team("pro");
    await setSpendLimit(t.as("owner"), 0.1);
    await ownerDb().usageCounter.create({
      data: { workspaceId: t.workspaceId, metric: "model_spend", periodStart: periodStart(), used: 45_000 },
    });
    // Each turn costs 1,000 × $3 + 200 × $15 per million = $0.006.
    const thresholds = async () =>
      (await ownerDb().usageAlert.findMany({ where: { workspaceId: t.workspaceId, metric: "model_spend" } }))
        .map((a) => a.threshold)
        .sort((a, b) => a - b);
    await withEveryReply({ content: [{ type: "text", text: "ok" }], usage: { input_tokens: 1_000, output_tokens: 200 } }, async () => {
      const { run } = await createRun(t.creator.ctx, t.creator.workspace, ticket);
      await executeRun({ runId: run.id, workspaceId: t.workspaceId }, platform, forOwnKey); // $0.045 → $0.051
      expect(await thresholds()).toEqual([50]);
      await ownerDb().usageCounter.updateMany({ where: { workspaceId: t.workspaceId, metric: "model_spend" }, data: { used: 95_000 } });
      const second = await createRun(t.creator.ctx, t.creator.workspace, ticket);
      await executeRun({ runId: second.run.id, workspaceId: t.workspaceId }, platform, forOwnKey); // $0.095 → $0.101
    });
    expect(await thresholds()).toEqual([50, 80, 100]);
    const audit = await ownerDb().auditLog.findMany({
      where: { workspaceId: t.workspaceId, action: "usage.alert", target: "model_spend" },
    });
    expect(audit).toHaveLength(3);
  });

  it("keeps a run within its own maxCostUsd, then stops it with a message that says so", async () => {
    const t = await team();
    const { run } = await createRun(t.creator.ctx, t.creator.workspace, { ...ticket, maxCostUsd: 0.01 });
    await withEveryReply(
      { content: [{ type: "tool_use", name: "classify", input: { text: "x" } }], usage: { input_tokens: 600, output_tokens: 300 } },
      () => executeRun({ runId: run.id, workspaceId: t.workspaceId }, platform, forOwnKey),
    );
    const detail = await getRunDetail(t.creator.ctx, run.id);
    expect(detail.status).toBe("failed");
    expect(detail.error).toMatch(/own cost limit \(maxCostUsd \$0\.01/);
    expect(detail.usage.costUsd).toBeLessThanOrEqual(0.01);
    expect(detail.maxCostUsd).toBe(0.01);
    // Each request's max_tokens was lowered to what still fit the run's limit.
    const sent = standIn.requests.slice(-detail.trace.length);
    expect(sent.some((r) => r.body.max_tokens < 2048)).toBe(true);
  });

  it("releases a reservation whose worker vanished once its lease is over", async () => {
    const t = await team();
    await ownerDb().usageCounter.create({
      data: { workspaceId: t.workspaceId, metric: "model_spend", periodStart: periodStart(), used: 0, reserved: 40_000 },
    });
    await ownerDb().spendReservation.create({
      data: {
        workspaceId: t.workspaceId,
        idempotencyKey: "run:gone:a1:t1",
        amountMicros: 40_000,
        periodStart: periodStart(),
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    expect(await releaseExpiredReservations()).toBeGreaterThanOrEqual(1);
    expect(await spendCounter(t.workspaceId)).toEqual({ used: 0, reserved: 0 });
    expect((await ownerDb().spendReservation.findFirstOrThrow({ where: { workspaceId: t.workspaceId } })).status).toBe("released");
  });
});

describe("bring your own key", () => {
  it("runs on the workspace's own key: it reaches the provider, is stored sealed, and draws nothing from the included spend", async () => {
    const t = await team("free");
    const ownKey = "sk-ant-customer-own-key-0123456789-WXYZ";
    await expect(setProviderKey(t.as("admin"), ownKey)).rejects.toMatchObject({ code: "forbidden" });
    const info = await setProviderKey(t.as("owner"), ownKey);
    expect(info.last4).toBe("WXYZ");
    expect(JSON.stringify(await providerKeyInfo(t.creator.ctx))).not.toContain("customer-own-key");
    const stored = await ownerDb().secret.findFirstOrThrow({ where: { workspaceId: t.workspaceId } });
    expect(stored.ciphertext).not.toContain("customer-own-key");

    const { run } = await createRun(t.creator.ctx, t.creator.workspace, ticket);
    const before = standIn.billed.length;
    await withEveryReply({ content: [{ type: "text", text: "Handled." }] }, () =>
      executeRun({ runId: run.id, workspaceId: t.workspaceId }, platform, forOwnKey),
    );
    const detail = await getRunDetail(t.creator.ctx, run.id);
    expect(detail.status).toBe("succeeded");
    expect(billedSince(before).every((b) => b.apiKey.includes(ownKey))).toBe(true);
    expect(detail.usage.billedTo).toBe("workspace");
    expect(detail.usage.costUsd).toBeGreaterThan(0);
    expect(JSON.stringify(detail)).not.toContain(ownKey);
    expect(await spendCounter(t.workspaceId)).toEqual({ used: 0, reserved: 0 });

    // A key the provider rejects fails the run with a message saying what to do.
    const second = await createRun(t.creator.ctx, t.creator.workspace, ticket);
    standIn.replies.push({ status: 401 });
    await executeRun({ runId: second.run.id, workspaceId: t.workspaceId }, platform, forOwnKey);
    expect((await getRunDetail(t.creator.ctx, second.run.id)).error).toBe(
      "Anthropic rejected the workspace's own API key. An owner can replace it in Settings.",
    );

    // A stored key this server cannot open (another SECRETS_KEY) fails the run with a clear message, not a dead-worker one.
    await ownerDb().secret.updateMany({
      where: { workspaceId: t.workspaceId },
      data: { ciphertext: stored.ciphertext.replace(/\.[^.]+$/, ".AAAA") },
    });
    const third = await createRun(t.creator.ctx, t.creator.workspace, ticket);
    await executeRun({ runId: third.run.id, workspaceId: t.workspaceId }, platform, forOwnKey);
    expect(await getRunDetail(t.creator.ctx, third.run.id)).toMatchObject({
      status: "failed",
      error: expect.stringContaining("An administrator must check SECRETS_KEY"),
    });

    await removeProviderKey(t.as("owner"));
    expect(await providerKeyInfo(t.creator.ctx)).toBeNull();
    expect(await ownerDb().secret.count({ where: { workspaceId: t.workspaceId } })).toBe(0);
  });
});
