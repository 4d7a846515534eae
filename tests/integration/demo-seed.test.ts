// npm run demo:seed: a login that works, a Starter workspace with runs, usage, keys and audit entries, and
// a second seed that changes nothing.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createScratchDatabase, dropScratchDatabase } from "../support/databases";

// A database of its own: the seed uses a fixed email and slug, and the test compares whole tables.
const serverUrl = process.env.TEST_SERVER_DATABASE_URL!;
const databaseUrl = await createScratchDatabase(serverUrl, "demo");
process.env.DATABASE_URL = databaseUrl;
const { prepareDatabase } = await import("@/lib/db/prepare-database");
await prepareDatabase(databaseUrl);
const { seedDemo } = await import("@/lib/demo/seed-demo");
const { SAMPLE_RUNS } = await import("@/lib/demo/demo-run-samples");
const { findBuiltInAgent } = await import("@/lib/agents/catalog");
const { verifyCredentials } = await import("@/lib/auth/verify-credentials");
const { getUsage } = await import("@/lib/usage/get-usage");
const { dailyUsage, usageByAgent } = await import("@/lib/usage/usage-breakdown");

const owner = new pg.Client({ connectionString: databaseUrl });
await owner.connect();
afterAll(async () => {
  await owner.end();
  await dropScratchDatabase(serverUrl, databaseUrl);
});

/** Every table the seed writes, as rows (ids included), so any change between two seeds shows. */
async function snapshot() {
  const rows: Record<string, unknown[]> = {};
  for (const table of ["User", "Workspace", "Membership", "ApiKey", "Run", "RunEvent", "UsageEvent", "UsageCounter", "AuditLog"]) {
    rows[table] = (await owner.query(`SELECT * FROM "${table}" ORDER BY id`)).rows;
  }
  return rows;
}

describe("demo seed", () => {
  const now = new Date();
  let first: Awaited<ReturnType<typeof seedDemo>>;

  it("creates a verified login, a Starter workspace, runs in several statuses, usage, keys and audit entries", async () => {
    first = await seedDemo({ now });
    expect(first.password).toEqual(expect.any(String));
    expect(await verifyCredentials(first.email, first.password!)).toMatchObject({ ok: true });
    const {
      rows: [user],
    } = await owner.query(`SELECT id, "emailVerified" FROM "User" WHERE email = $1`, [first.email]);
    expect(user.emailVerified).not.toBeNull();

    const {
      rows: [workspace],
    } = await owner.query(`SELECT slug, name, tier FROM "Workspace" WHERE id = $1`, [first.workspaceId]);
    expect(workspace).toEqual({ slug: "demo", name: "Demo", tier: "starter" });

    const { rows: runs } = await owner.query<{ status: string; agent: string }>(
      `SELECT status, agent FROM "Run" WHERE "workspaceId" = $1`,
      [first.workspaceId],
    );
    expect(new Set(runs.map((r) => r.status))).toEqual(new Set(["succeeded", "failed", "canceled"]));
    expect(new Set(runs.map((r) => r.agent)).size).toBeGreaterThanOrEqual(5);

    // What the usage page shows: the period's counters, a daily history and the per-agent table.
    const ctx = { workspaceId: first.workspaceId, slug: first.slug, actorId: user.id, role: "owner" as const };
    const usage = await getUsage(ctx, now);
    expect(usage.apiCalls.used).toBeGreaterThan(0);
    expect(usage.agentMinutes.used).toBeGreaterThan(0);
    const days = (await dailyUsage(ctx, now)).filter((d) => d.apiCalls > 0);
    expect(days.length).toBe(Math.min(14, now.getUTCDate()));
    expect((await usageByAgent(ctx, now)).length).toBeGreaterThan(0);

    const { rows: keys } = await owner.query(`SELECT "revokedAt" FROM "ApiKey" WHERE "workspaceId" = $1`, [first.workspaceId]);
    expect(keys.length).toBe(3);
    const { rows: audit } = await owner.query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "workspaceId" = $1`, [
      first.workspaceId,
    ]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["workspace.created", "tier.changed", "key.created", "key.revoked"]));
  });

  it("changes nothing when run again", async () => {
    const before = await snapshot();
    const again = await seedDemo({ now: new Date(now.getTime() + 3_600_000) });
    expect(again).toEqual({ ...first, password: null });
    expect(await snapshot()).toEqual(before);
  });

  it("sets a new password, and only that, on request", async () => {
    const before = await snapshot();
    const reset = await seedDemo({ resetPassword: true, now });
    expect(reset.password).not.toEqual(first.password);
    expect(await verifyCredentials(reset.email, reset.password!)).toMatchObject({ ok: true });
    const after = await snapshot();
    expect({ ...after, User: [] }).toEqual({ ...before, User: [] });
  });

  it("uses sample inputs every agent accepts", () => {
    for (const sample of SAMPLE_RUNS) {
      const agent = findBuiltInAgent(sample.agent);
      expect(agent?.tools).toContainEqual({ type: "builtin", name: sample.tool });
      expect(agent?.parseInput?.safeParse(sample.input).success).toBe(true);
    }
  });
});
