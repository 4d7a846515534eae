// Hard limits around the quota: alerts at 80% and 100%, auto-pause at the cap, and the pause lifting
// when the period resets or the tier rises (also through the admin CLI).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { meterApiCall } from "@/lib/usage/meter-api-call";
import { liftPauseOfPastPeriod } from "@/lib/usage/pause-workspace";
import { periodStart } from "@/lib/usage/period";
import { currentAlerts } from "@/lib/usage/usage-alerts";
import { changeTier } from "@/lib/workspaces/change-tier";
import { ownerDb } from "../support/owner-db";
import { createTeam } from "../support/workspace-fixture";

async function setApiCalls(workspaceId: string, used: number) {
  await ownerDb().usageCounter.upsert({
    where: { workspaceId_metric_periodStart: { workspaceId, metric: "api_calls", periodStart: periodStart() } },
    create: { workspaceId, metric: "api_calls", periodStart: periodStart(), used },
    update: { used },
  });
}

describe("usage alerts", () => {
  it("alerts once at 80% and once at 100% of the included quota, with an audit entry", async () => {
    const team = await createTeam("free");
    const workspace = { id: team.workspaceId, tier: "free" as const };
    await setApiCalls(team.workspaceId, 7_998);
    await meterApiCall(workspace);
    expect(await currentAlerts(team.as("owner"))).toEqual([]);
    await meterApiCall(workspace); // 8,000 = 80%
    await meterApiCall(workspace);
    expect(await currentAlerts(team.as("owner"))).toEqual([{ metric: "api_calls", threshold: 80 }]);

    await setApiCalls(team.workspaceId, 9_999);
    await meterApiCall(workspace); // 10,000 = 100%
    expect((await currentAlerts(team.as("owner"))).map((a) => a.threshold)).toEqual([100, 80]);
    const audit = await ownerDb().auditLog.findMany({ where: { workspaceId: team.workspaceId, action: "usage.alert" } });
    expect(audit.map((a) => (a.metadata as { threshold: number }).threshold).sort()).toEqual([100, 80]);
  });
});

describe("auto-pause", () => {
  it("pauses a paid workspace at 2x and lifts the pause when the tier rises", async () => {
    const team = await createTeam("pro");
    await ownerDb().workspace.update({ where: { id: team.workspaceId }, data: { tier: "starter" } });
    await setApiCalls(team.workspaceId, 500_000);
    await expect(meterApiCall({ id: team.workspaceId, tier: "starter" })).rejects.toMatchObject({ code: "workspace_paused" });
    expect(await ownerDb().workspace.findUniqueOrThrow({ where: { id: team.workspaceId } })).toMatchObject({
      status: "paused",
      pausedReason: "quota",
    });

    await changeTier(team.workspaceId, "pro", { actorId: null, source: "test" });
    expect(await ownerDb().workspace.findUniqueOrThrow({ where: { id: team.workspaceId } })).toMatchObject({
      status: "active",
      tier: "pro",
    });
    await meterApiCall({ id: team.workspaceId, tier: "pro" });
    const actions = (await ownerDb().auditLog.findMany({ where: { workspaceId: team.workspaceId }, orderBy: { at: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["workspace.paused", "tier.changed", "workspace.resumed"]));
  });

  it("lifts a pause from an earlier period, and keeps one from this period", async () => {
    const team = await createTeam("pro");
    const lastMonth = new Date(periodStart().getTime() - 86_400_000);
    await ownerDb().workspace.update({
      where: { id: team.workspaceId },
      data: { status: "paused", pausedReason: "quota", pausedAt: new Date() },
    });
    expect(await liftPauseOfPastPeriod({ id: team.workspaceId, status: "paused", pausedReason: "quota" })).toBe(false);
    await ownerDb().workspace.update({ where: { id: team.workspaceId }, data: { pausedAt: lastMonth } });
    expect(await liftPauseOfPastPeriod({ id: team.workspaceId, status: "paused", pausedReason: "quota" })).toBe(true);
    expect((await ownerDb().workspace.findUniqueOrThrow({ where: { id: team.workspaceId } })).status).toBe("active");
  });
});

describe("admin CLI", () => {
  const admin = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, LOG_LEVEL: "silent" },
    });

  it("sets a tier and validates its arguments", async () => {
    const team = await createTeam("free");
    const ok = admin("set-tier", team.slug, "starter");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`${team.slug}: free → starter`);
    expect((await ownerDb().workspace.findUniqueOrThrow({ where: { id: team.workspaceId } })).tier).toBe("starter");

    for (const args of [["set-tier", team.slug, "platinum"], ["set-tier", "Bad Slug!", "pro"], ["drop-tables"], []]) {
      const bad = admin(...args);
      expect(bad.status, args.join(" ")).toBe(2);
      expect(bad.stderr).toContain("usage: npm run admin");
    }
    const missing = admin("set-tier", "no-such-workspace-zz", "pro");
    expect(missing.status).toBe(1);
    expect((await ownerDb().workspace.findUniqueOrThrow({ where: { id: team.workspaceId } })).tier).toBe("starter");
  });

  it("raises a workspace's included model spend, and puts it back to the tier's", async () => {
    const team = await createTeam("pro");
    const raised = admin("set-model-budget", team.slug, "150.5");
    expect(raised.status).toBe(0);
    expect(raised.stdout).toContain("$150.50 a month");
    expect(Number((await ownerDb().workspace.findUniqueOrThrow({ where: { id: team.workspaceId } })).modelBudgetMicros)).toBe(150_500_000);
    for (const amount of ["-1", "0", "lots", "1.0000001"]) expect(admin("set-model-budget", team.slug, amount).status, amount).toBe(2);
    expect(admin("set-model-budget", team.slug, "default").status).toBe(0);
    expect((await ownerDb().workspace.findUniqueOrThrow({ where: { id: team.workspaceId } })).modelBudgetMicros).toBeNull();
  });
});
