// Inviting people to a workspace: a single-use, expiring link per invitation.
import { appUrl } from "@/config/env";
import { getTier } from "@/config/tiers";
import { inWorkspace } from "@/lib/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { newLinkToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/http/app-error";
import { sendMail, type Delivery } from "@/lib/mail/send-mail";
import type { Role } from "@/lib/generated/prisma/enums";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import type { InviteInput } from "@/lib/members/schemas";
import { assertCan } from "@/lib/members/permissions";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
}

export interface CreatedInvitation extends PendingInvitation {
  delivery: Delivery;
  /** The accept link; returned to the inviter only when no email could carry it. */
  acceptUrl?: string;
}

const pendingWhere = (workspaceId: string) => ({ workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } });

function toPending(row: { id: string; email: string; role: Role; expiresAt: Date; createdAt: Date }): PendingInvitation {
  return { id: row.id, email: row.email, role: row.role, expiresAt: row.expiresAt.toISOString(), createdAt: row.createdAt.toISOString() };
}

export async function inviteMember(ctx: WorkspaceContext, input: InviteInput): Promise<CreatedInvitation> {
  assertCan(ctx.role, "members:invite");
  if (input.role === "owner" && ctx.role !== "owner") throw new AppError("forbidden", "Only an owner can invite an owner.");
  const { token, tokenHash } = newLinkToken();

  const { invitation, workspaceName } = await inWorkspace(ctx.workspaceId, async (tx) => {
    // Lock the workspace row so concurrent invitations cannot together exceed the member limit.
    const [workspace] = await tx.$queryRaw<{ name: string; tier: "free" | "starter" | "pro" | "enterprise" }[]>`
      SELECT name, tier FROM "Workspace" WHERE id = ${ctx.workspaceId} FOR UPDATE`;
    if (!workspace) throw new AppError("not_found", "Workspace not found.");
    const existingMember = await tx.membership.findFirst({ where: { workspaceId: ctx.workspaceId, user: { email: input.email } } });
    if (existingMember) throw new AppError("conflict", `${input.email} is already a member of this workspace.`);

    // A new invitation to the same address replaces the pending one.
    await tx.invitation.updateMany({ where: { ...pendingWhere(ctx.workspaceId), email: input.email }, data: { revokedAt: new Date() } });
    const limit = getTier(workspace.tier).limits.members;
    if (limit !== null) {
      const seats = (await tx.membership.count({ where: { workspaceId: ctx.workspaceId } })) +
        (await tx.invitation.count({ where: pendingWhere(ctx.workspaceId) }));
      if (seats >= limit) {
        throw new AppError("quota_exceeded", `The ${getTier(workspace.tier).name} tier includes ${limit} member${limit === 1 ? "" : "s"}. Upgrade to invite more.`);
      }
    }
    const invitation = await tx.invitation.create({
      data: {
        workspaceId: ctx.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: ctx.actorId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
    });
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.actorId,
      action: "invitation.sent",
      target: input.email,
      metadata: { role: input.role, invitationId: invitation.id },
    });
    return { invitation, workspaceName: workspace.name };
  });

  const acceptUrl = `${appUrl}/invite/${token}`;
  const delivery = await sendMail({
    to: input.email,
    subject: `You are invited to ${workspaceName} on AgentHQ`,
    text: `You have been invited to join ${workspaceName} on AgentHQ as ${input.role}.\n\nAccept: ${acceptUrl}\n\nThe link works once and expires in 7 days.`,
    link: acceptUrl,
  });
  return { ...toPending(invitation), delivery, ...(delivery === "logged" && { acceptUrl }) };
}

export async function listPendingInvitations(ctx: WorkspaceContext): Promise<PendingInvitation[]> {
  assertCan(ctx.role, "members:read");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const rows = await tx.invitation.findMany({ where: pendingWhere(ctx.workspaceId), orderBy: { createdAt: "desc" } });
    return rows.map(toPending);
  });
}

export async function revokeInvitation(ctx: WorkspaceContext, invitationId: string): Promise<void> {
  assertCan(ctx.role, "members:invite");
  await inWorkspace(ctx.workspaceId, async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, workspaceId: ctx.workspaceId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count !== 1) throw new AppError("not_found", "No pending invitation with this id.");
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actorId, action: "invitation.revoked", target: invitationId });
  });
}
