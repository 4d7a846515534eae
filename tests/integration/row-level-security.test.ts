// Row-level security, the second layer of tenant isolation: the app's database role sees no tenant row
// without a workspace set, and with workspace A set cannot read, change or delete B's rows.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { inWorkspace } from "@/lib/db/tenant";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createUser, uniqueSlug } from "../support/factories";
import { ownerDb } from "../support/owner-db";
import { readDatamodel } from "../support/prisma-datamodel";

/** Every table with a workspaceId column is a tenant table, plus Workspace itself. */
const TENANT_TABLES = readDatamodel()
  .models.filter((m) => m.fields.some((f) => f.name === "workspaceId"))
  .map((m) => m.dbName ?? m.name);
const tenantColumn = (table: string) => (table === "Workspace" ? "id" : "workspaceId");
const ALL_TABLES = [...TENANT_TABLES, "Workspace"];

async function countRows(
  client: { $queryRawUnsafe: (sql: string, ...values: unknown[]) => Promise<unknown> },
  sql: string,
  ...values: unknown[]
) {
  const rows = (await client.$queryRawUnsafe(sql, ...values)) as { count: number }[];
  return rows[0]!.count;
}

/** One row in every tenant table for a workspace, written as the owner. */
async function seedTenantRows(workspaceId: string, userId: string) {
  const o = ownerDb();
  const period = new Date(Date.UTC(2026, 10, 1));
  const run = await o.run.create({ data: { workspaceId, agent: "research", input: { question: "q" } } });
  await o.runEvent.create({ data: { workspaceId, runId: run.id, type: "log", data: { message: "m" } } });
  await o.invitation.create({
    data: { workspaceId, email: `${randomUUID()}@x.test`, role: "member", tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 1e6) },
  });
  await o.apiKey.create({
    data: { workspaceId, name: "k", prefix: "ahq_live_", last4: "abcd", hash: randomUUID(), scopes: ["runs:read"] },
  });
  await o.subscription.create({
    data: { workspaceId, stripeSubscriptionId: randomUUID(), priceId: "price", status: "active", currentPeriodEnd: new Date() },
  });
  await o.usageEvent.create({ data: { workspaceId, metric: "api_calls", quantity: 1, idempotencyKey: randomUUID(), periodStart: period } });
  await o.usageCounter.create({ data: { workspaceId, metric: "api_calls", periodStart: period, used: 1 } });
  await o.usageAlert.create({ data: { workspaceId, metric: "api_calls", periodStart: period, threshold: 80 } });
  await o.auditLog.create({ data: { workspaceId, actorId: userId, action: "test.seeded" } });
  await o.runStep.create({
    data: {
      workspaceId,
      runId: run.id,
      attempt: 1,
      turn: 1,
      provider: "offline",
      model: "m",
      inputTokens: 1,
      outputTokens: 1,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      costMicros: 1,
      billedTo: "platform",
      latencyMs: 1,
      toolCalls: [],
    },
  });
  await o.spendReservation.create({
    data: { workspaceId, idempotencyKey: randomUUID(), amountMicros: 1, periodStart: period, expiresAt: new Date() },
  });
  await o.meterEvent.create({ data: { workspaceId, periodStart: period, valueMicros: 1, sourceKey: randomUUID() } });
  await o.secret.create({ data: { workspaceId, name: "anthropic_api_key", ciphertext: "v1.x.y.z", last4: "wxyz" } });
  const agent = await o.agent.create({ data: { workspaceId, slug: "a", name: "A", latestVersion: 1 } });
  await o.agentVersion.create({ data: { workspaceId, agentId: agent.id, version: 1, definition: {} } });
  await o.modelConnection.create({ data: { workspaceId, name: "c", baseUrl: "https://example.com/v1", models: [] } });
  await o.runToolCall.create({
    data: {
      workspaceId,
      runId: run.id,
      attempt: 1,
      turn: 1,
      callId: "t",
      tool: "x",
      arguments: {},
      result: "r",
      isError: false,
      durationMs: 1,
    },
  });
  const endpoint = await o.webhookEndpoint.create({ data: { workspaceId, url: "https://example.com/hooks", events: ["run.succeeded"] } });
  await o.webhookDelivery.create({
    data: { workspaceId, endpointId: endpoint.id, eventId: `msg_${randomUUID()}`, eventType: "run.succeeded", payload: {} },
  });
}

/** Tables whose rows are never changed once written: the app role may not UPDATE them at all. */
const IMMUTABLE = ["AgentVersion"];

describe("row-level security", () => {
  let a: string;
  let b: string;

  beforeAll(async () => {
    const [alice, bob] = [await createUser("rls-a"), await createUser("rls-b")];
    a = (await createWorkspace(alice.id, { name: "A", slug: uniqueSlug("rls-a") })).id;
    b = (await createWorkspace(bob.id, { name: "B", slug: uniqueSlug("rls-b") })).id;
    await seedTenantRows(a, alice.id);
    await seedTenantRows(b, bob.id);
  });

  it("covers every tenant table of the schema", () => {
    expect(TENANT_TABLES.sort()).toEqual(
      [
        "Agent",
        "AgentVersion",
        "ApiKey",
        "AuditLog",
        "Invitation",
        "Membership",
        "MeterEvent",
        "ModelConnection",
        "Run",
        "RunEvent",
        "RunStep",
        "RunToolCall",
        "Secret",
        "SpendReservation",
        "Subscription",
        "UsageAlert",
        "UsageCounter",
        "UsageEvent",
        "WebhookDelivery",
        "WebhookEndpoint",
      ].sort(),
    );
  });

  it("connects as a role that owns no table and cannot bypass row-level security", async () => {
    const [role] = await db().$queryRaw<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }[]>`
      SELECT current_user, r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user`;
    expect(role).toEqual({ current_user: "agenthq_app", rolsuper: false, rolbypassrls: false });
    const owned = await db().$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`;
    expect(owned).toEqual([]);
  });

  it.each(ALL_TABLES)("%s reads empty without a workspace", async (table) => {
    expect(await countRows(db(), `SELECT count(*)::int AS count FROM "${table}"`)).toBe(0);
    const asOwner = await countRows(
      ownerDb(),
      `SELECT count(*)::int AS count FROM "${table}" WHERE "${tenantColumn(table)}" IN ($1, $2)`,
      a,
      b,
    );
    expect(asOwner).toBeGreaterThanOrEqual(2);
  });

  it.each(ALL_TABLES)("%s: with workspace A set, B's rows cannot be read, updated or deleted", async (table) => {
    const column = tenantColumn(table);
    const result = await inWorkspace(a, async (tx) => {
      const rows = (await tx.$queryRawUnsafe(`SELECT "${column}" AS tenant FROM "${table}"`)) as { tenant: string }[];
      const updated = IMMUTABLE.includes(table)
        ? 0
        : await tx.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = "${column}" WHERE "${column}" = $1`, b);
      const deleted = await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "${column}" = $1`, b);
      return { tenants: [...new Set(rows.map((r) => r.tenant))], updated, deleted };
    });
    expect(result).toEqual({ tenants: [a], updated: 0, deleted: 0 });
    expect(await countRows(ownerDb(), `SELECT count(*)::int AS count FROM "${table}" WHERE "${column}" = $1`, b)).toBeGreaterThan(0);
  });

  it.each(IMMUTABLE)("%s cannot be updated by the app, not even in its own workspace", async (table) => {
    await expect(
      inWorkspace(a, (tx) => tx.$executeRawUnsafe(`UPDATE "${table}" SET "workspaceId" = "workspaceId" WHERE "workspaceId" = $1`, a)),
    ).rejects.toThrow(/permission denied/);
  });

  it("refuses to write a row into another workspace", async () => {
    await expect(inWorkspace(a, (tx) => tx.auditLog.create({ data: { workspaceId: b, action: "test.smuggled" } }))).rejects.toThrow(
      /row-level security/,
    );
    expect(await ownerDb().auditLog.count({ where: { workspaceId: b, action: "test.smuggled" } })).toBe(0);
  });
});
