// Looking up and accepting an invitation link. The token is all the caller has, so the lookup goes
// through a narrow system function (app_invitation_by_token_hash); everything after runs in the
// invitation's workspace. An invitation grants no more than its inviter may still grant when it is
// accepted: one from someone since removed, demoted or deleted is withdrawn instead.
import { recordAudit } from "@/lib/audit/record-audit";
import { hashLinkToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { canInviteAs } from "@/lib/members/permissions";

interface InvitationRow {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export interface InvitationView {
  email: string;
  role: Role;
  state: InvitationState;
  workspace: { name: string; slug: string };
}

async function findByToken(token: string): Promise<InvitationRow | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const rows = await db().$queryRaw<InvitationRow[]>`SELECT * FROM app_invitation_by_token_hash(${hashLinkToken(token)})`;
  return rows[0] ?? null;
}

function stateOf(row: InvitationRow): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() <= Date.now()) return "expired";
  return "pending";
}

const NOT_FOUND = "This invitation link is not valid. Ask for a new one.";

const INVITER_CANNOT_GRANT = (role: Role) =>
  `This invitation is no longer valid: the person who sent it can no longer invite people as ${role} to this workspace. ` +
  "Ask one of its owners or admins for a new one.";

/**
 * Whether the invitation's inviter, as a member now, may still invite as its role. Their membership row
 * is read under a share lock: a concurrent demotion or removal (which locks the workspace's memberships
 * to change them) either waits for this acceptance to commit, or commits first and is seen here.
 */
async function inviterMayStillGrant(tx: Tx, row: InvitationRow): Promise<boolean> {
  const invitation = await tx.invitation.findUnique({ where: { id: row.id }, select: { invitedById: true } });
  if (!invitation?.invitedById) return false;
  const [inviter] = await tx.$queryRaw<{ role: Role }[]>`
    SELECT role FROM "Membership" WHERE "workspaceId" = ${row.workspaceId} AND "userId" = ${invitation.invitedById} FOR SHARE`;
  return Boolean(inviter && canInviteAs(inviter.role, row.role));
}

/** What the invitation page shows: who is invited where, and whether the link still works. */
export async function viewInvitation(token: string): Promise<InvitationView | null> {
  const row = await findByToken(token);
  if (!row) return null;
  const workspace = await inWorkspace(row.workspaceId, (tx) =>
    tx.workspace.findUnique({ where: { id: row.workspaceId }, select: { name: true, slug: true } }),
  );
  if (!workspace) return null;
  return { email: row.email, role: row.role, state: stateOf(row), workspace };
}

export async function acceptInvitation(user: { id: string; email: string }, token: string): Promise<{ slug: string; role: Role }> {
  const row = await findByToken(token);
  if (!row) throw new AppError("not_found", NOT_FOUND);
  const state = stateOf(row);
  if (state !== "pending")
    throw new AppError("conflict", `This invitation was ${state === "expired" ? "not used in time" : state}. Ask for a new one.`);
  if (row.email !== user.email.toLowerCase()) {
    throw new AppError("forbidden", `This invitation is for ${row.email}. Log in with that email to accept it.`);
  }
  const accepted = await inWorkspace(row.workspaceId, async (tx) => {
    if (!(await inviterMayStillGrant(tx, row))) {
      // Withdrawn for good: the link then says so, and the invitation stops holding a seat.
      const { count } = await tx.invitation.updateMany({
        where: { id: row.id, acceptedAt: null, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (count === 1) {
        await recordAudit(tx, {
          workspaceId: row.workspaceId,
          actorId: null,
          action: "invitation.revoked",
          target: row.id,
          metadata: { reason: "inviter_cannot_grant" },
        });
      }
      return null;
    }
    // Single use: only the first of concurrent accepts changes the row.
    const { count } = await tx.invitation.updateMany({
      where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (count !== 1) throw new AppError("conflict", "This invitation was already used. Ask for a new one.");
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: row.workspaceId }, select: { slug: true } });
    const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: user.id } } });
    if (existing) return { slug: workspace.slug, role: existing.role };
    await tx.membership.create({ data: { workspaceId: row.workspaceId, userId: user.id, role: row.role } });
    await recordAudit(tx, {
      workspaceId: row.workspaceId,
      actorId: user.id,
      action: "invitation.accepted",
      target: row.email,
      metadata: { invitationId: row.id },
    });
    await recordAudit(tx, {
      workspaceId: row.workspaceId,
      actorId: user.id,
      action: "member.added",
      target: user.id,
      metadata: { role: row.role },
    });
    return { slug: workspace.slug, role: row.role };
  });
  if (!accepted) throw new AppError("conflict", INVITER_CANNOT_GRANT(row.role));
  return accepted;
}
