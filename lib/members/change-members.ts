// Changing a member's role and removing a member, under the rules every workspace keeps:
// at least one owner; admins cannot touch owners or make owners; nobody raises their own role.
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { assertCan, ROLE_RANK } from "./permissions";

/**
 * Locks the workspace's membership rows for the rest of the transaction, so two concurrent changes
 * cannot both see "another owner remains" and leave none. Returns the target's current role.
 */
async function lockMemberships(tx: Tx, workspaceId: string, targetUserId: string) {
  const rows = await tx.$queryRaw<{ userId: string; role: Role }[]>`
    SELECT "userId", role FROM "Membership" WHERE "workspaceId" = ${workspaceId} FOR UPDATE`;
  const target = rows.find((r) => r.userId === targetUserId);
  if (!target) throw new AppError("not_found", "No such member in this workspace.");
  return { targetRole: target.role, owners: rows.filter((r) => r.role === "owner").length };
}

function assertMayManage(ctx: WorkspaceContext, targetRole: Role) {
  if (targetRole === "owner" && ctx.role !== "owner") {
    throw new AppError("forbidden", "Only an owner can change or remove another owner.");
  }
}

export async function changeMemberRole(ctx: WorkspaceContext, targetUserId: string, role: Role): Promise<{ userId: string; role: Role }> {
  const self = targetUserId === ctx.actorId;
  // Anyone may step down; changing others takes members:update.
  if (!self) assertCan(ctx.role, "members:update");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const { targetRole, owners } = await lockMemberships(tx, ctx.workspaceId, targetUserId);
    if (self && ROLE_RANK[role] > ROLE_RANK[targetRole]) throw new AppError("forbidden", "You cannot raise your own role.");
    if (!self) assertMayManage(ctx, targetRole);
    if (role === "owner" && ctx.role !== "owner") throw new AppError("forbidden", "Only an owner can make someone an owner.");
    if (targetRole === "owner" && role !== "owner" && owners === 1) {
      throw new AppError("conflict", "A workspace must keep at least one owner. Make someone else an owner first.");
    }
    if (role === targetRole) return { userId: targetUserId, role };
    const { count } = await tx.membership.updateMany({ where: { workspaceId: ctx.workspaceId, userId: targetUserId }, data: { role } });
    if (count !== 1) throw new AppError("not_found", "No such member in this workspace.");
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.actorId,
      action: "member.role_changed",
      target: targetUserId,
      metadata: { from: targetRole, to: role },
    });
    return { userId: targetUserId, role };
  });
}

export async function removeMember(ctx: WorkspaceContext, targetUserId: string): Promise<void> {
  const self = targetUserId === ctx.actorId;
  // Anyone may leave; removing others takes members:remove.
  if (!self) assertCan(ctx.role, "members:remove");
  await inWorkspace(ctx.workspaceId, async (tx) => {
    const { targetRole, owners } = await lockMemberships(tx, ctx.workspaceId, targetUserId);
    if (!self) assertMayManage(ctx, targetRole);
    if (targetRole === "owner" && owners === 1) {
      throw new AppError(
        "conflict",
        "A workspace must keep at least one owner. Make someone else an owner first, or delete the workspace.",
      );
    }
    const { count } = await tx.membership.deleteMany({ where: { workspaceId: ctx.workspaceId, userId: targetUserId } });
    if (count !== 1) throw new AppError("not_found", "No such member in this workspace.");
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.actorId,
      action: "member.removed",
      target: targetUserId,
      metadata: { role: targetRole, left: self },
    });
  });
}
