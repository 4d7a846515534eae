// The member rules: at least one owner, admins cannot touch owners, nobody raises their own role.
import { describe, expect, it } from "vitest";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { changeMemberRole, removeMember } from "@/lib/members/change-members";
import { listMembers } from "@/lib/members/list-members";
import { ownerDb } from "../support/owner-db";
import { createTeam } from "../support/workspace-fixture";

const roleOf = async (workspaceId: string, userId: string) =>
  (await ownerDb().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }))?.role ?? null;

describe("member rules", () => {
  it("keeps at least one owner: demoting or removing the last owner is a conflict", async () => {
    const team = await createTeam();
    await expect(changeMemberRole(team.as("owner"), team.users.owner.id, "admin")).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember(team.as("owner"), team.users.owner.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await roleOf(team.workspaceId, team.users.owner.id)).toBe("owner");
  });

  it("lets one of two owners step down, but not both at once", async () => {
    const team = await createTeam();
    await changeMemberRole(team.as("owner"), team.users.admin.id, "owner");
    const second = { ...team.as("admin"), role: "owner" as const };
    const results = await Promise.allSettled([
      changeMemberRole(team.as("owner"), team.users.owner.id, "member"),
      changeMemberRole(second, team.users.admin.id, "member"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = await ownerDb().membership.count({ where: { workspaceId: team.workspaceId, role: "owner" } });
    expect(owners).toBe(1);
  });

  it("does not let an admin change, remove or create owners", async () => {
    const team = await createTeam();
    const admin = team.as("admin");
    await expect(changeMemberRole(admin, team.users.owner.id, "viewer")).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(admin, team.users.owner.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(admin, team.users.member.id, "owner")).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleOf(team.workspaceId, team.users.owner.id)).toBe("owner");
    expect(await roleOf(team.workspaceId, team.users.member.id)).toBe("member");

    expect(await changeMemberRole(admin, team.users.member.id, "viewer")).toEqual({ userId: team.users.member.id, role: "viewer" });
    await removeMember(admin, team.users.viewer.id);
    expect(await roleOf(team.workspaceId, team.users.viewer.id)).toBeNull();
  });

  it("does not let anyone raise their own role, but lets them step down or leave", async () => {
    const team = await createTeam();
    for (const role of ["admin", "member", "viewer"] as const) {
      await expect(changeMemberRole(team.as(role), team.users[role].id, "owner")).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(changeMemberRole(team.as("viewer"), team.users.viewer.id, "member")).rejects.toMatchObject({ code: "forbidden" });
    expect(await changeMemberRole(team.as("admin"), team.users.admin.id, "member")).toMatchObject({ role: "member" });
    await removeMember(team.as("viewer"), team.users.viewer.id);
    expect(await roleOf(team.workspaceId, team.users.viewer.id)).toBeNull();
  });

  it("does not let members or viewers manage others", async () => {
    const team = await createTeam();
    for (const role of ["member", "viewer"] as const) {
      await expect(changeMemberRole(team.as(role), team.users.admin.id, "viewer")).rejects.toMatchObject({ code: "forbidden" });
      await expect(removeMember(team.as(role), team.users.admin.id)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await roleOf(team.workspaceId, team.users.admin.id)).toBe("admin");
  });

  it("answers a user who is not a member with not_found, and records every change in the audit log", async () => {
    const team = await createTeam();
    const stranger = await createTeam();
    await expect(changeMemberRole(team.as("owner"), stranger.users.member.id, "viewer")).rejects.toMatchObject({ code: "not_found" });
    await changeMemberRole(team.as("owner"), team.users.member.id, "admin");
    await removeMember(team.as("owner"), team.users.viewer.id);
    expect((await listMembers(team.as("viewer"))).map((m) => m.role)).toEqual(["owner", "admin", "admin"]);
    const log = await listAuditLog(team.as("admin"), { limit: 10 });
    expect(log.data.slice(0, 2).map((e) => [e.action, e.target, e.actor?.id])).toEqual([
      ["member.removed", team.users.viewer.id, team.users.owner.id],
      ["member.role_changed", team.users.member.id, team.users.owner.id],
    ]);
    await expect(listAuditLog(team.as("member"), { limit: 10 })).rejects.toMatchObject({ code: "forbidden" });
  });
});
