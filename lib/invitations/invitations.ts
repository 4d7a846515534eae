// Inviting people to a workspace: a single-use, expiring link per invitation, at most
// INVITATIONS_PER_DAY a day per workspace (each one is an email from us to an address the tenant chose).
import { appUrl } from "@/config/env";
import { getTier } from "@/config/tiers";
import { recordAudit } from "@/lib/audit/record-audit";
import { newLinkToken } from "@/lib/auth/tokens";
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { sendMail, type Delivery } from "@/lib/mail/send-mail";
import { assertCan, assertCanInviteAs } from "@/lib/members/permissions";
import type { InviteInput } from "@/lib/members/schemas";
import { rateLimited } from "@/lib/ratelimit/rate-limited";
import { checkRateLimit } from "@/lib/ratelimit/rate-limiter";
import type { RateLimitRule } from "@/lib/ratelimit/types";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { invitationEmail } from "./invitation-email";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The same on every tier: Free cannot invite at all (its one seat is the owner's). */
export const INVITATIONS_PER_DAY = 50;
const INVITATIONS_RULE: RateLimitRule = { name: "invitations-workspace", limit: INVITATIONS_PER_DAY, windowSeconds: 24 * 60 * 60 };

const waitFor = (seconds: number) =>
  seconds >= 3600 ? `${Math.ceil(seconds / 3600)} hours` : seconds >= 60 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;

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
  assertCanInviteAs(ctx.role, input.role);
  const { token, tokenHash } = newLinkToken();

  const { invitation, workspaceName, inviter } = await inWorkspace(ctx.workspaceId, async (tx) => {
    // Lock the workspace row so concurrent invitations cannot together exceed the member limit.
    const [workspace] = await tx.$queryRaw<{ name: string; tier: "free" | "starter" | "pro" | "enterprise" }[]>`
      SELECT name, tier FROM "Workspace" WHERE id = ${ctx.workspaceId} FOR UPDATE`;
    if (!workspace) throw new AppError("not_found", "Workspace not found.");
    const inviter = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: ctx.workspaceId, userId: ctx.actorId } },
      select: { user: { select: { name: true, email: true, emailVerified: true } } },
    });
    if (!inviter) throw new AppError("not_found", "Workspace not found.");
    const existingMember = await tx.membership.findFirst({ where: { workspaceId: ctx.workspaceId, user: { email: input.email } } });
    if (existingMember) throw new AppError("conflict", `${input.email} is already a member of this workspace.`);

    // A new invitation to the same address replaces the pending one.
    await tx.invitation.updateMany({ where: { ...pendingWhere(ctx.workspaceId), email: input.email }, data: { revokedAt: new Date() } });
    const limit = getTier(workspace.tier).limits.members;
    if (limit !== null) {
      const seats =
        (await tx.membership.count({ where: { workspaceId: ctx.workspaceId } })) +
        (await tx.invitation.count({ where: pendingWhere(ctx.workspaceId) }));
      if (seats >= limit) {
        throw new AppError(
          "quota_exceeded",
          `The ${getTier(workspace.tier).name} tier includes ${limit} member${limit === 1 ? "" : "s"}. Upgrade to invite more.`,
        );
      }
    }
    // Counted last, once nothing else refuses the invitation, so that only invitations sent are counted;
    // the workspace lock above makes concurrent invitations count one after another.
    const daily = await checkRateLimit(INVITATIONS_RULE, ctx.workspaceId);
    if (!daily.success) {
      throw rateLimited(
        (seconds) => `A workspace can send ${INVITATIONS_PER_DAY} invitations a day. Try again in ${waitFor(seconds)}.`,
        daily,
      );
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
    return { invitation, workspaceName: workspace.name, inviter: inviter.user };
  });

  const acceptUrl = `${appUrl}/invite/${token}`;
  const delivery = await sendMail(
    invitationEmail({
      to: input.email,
      role: input.role,
      acceptUrl,
      workspaceName,
      inviter: { name: inviter.name, email: inviter.email, emailVerified: Boolean(inviter.emailVerified) },
    }),
  );
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
