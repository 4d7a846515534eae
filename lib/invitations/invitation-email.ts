// The invitation email goes from our sender to any address a workspace types in, so nothing a tenant
// chose is part of its subject or its sentences: the workspace's and the inviter's names are quoted data,
// defanged so that they cannot become links, and the only link is the accept link.
import type { Role } from "@/lib/generated/prisma/enums";
import { quoteTenantText } from "@/lib/mail/quote-tenant-text";
import type { Mail } from "@/lib/mail/send-mail";

export interface InvitationEmail {
  to: string;
  role: Role;
  acceptUrl: string;
  workspaceName: string;
  inviter: { name: string; email: string; emailVerified: boolean };
}

export function invitationEmail({ to, role, acceptUrl, workspaceName, inviter }: InvitationEmail): Mail {
  const inviterEmail = inviter.emailVerified ? inviter.email : `${inviter.email}, address not verified`;
  const text = [
    `You are invited to join a workspace on AgentHQ as ${role}.`,
    "",
    `Workspace: ${quoteTenantText(workspaceName)}`,
    `Invited by: ${quoteTenantText(inviter.name)} (${inviterEmail})`,
    "",
    "To accept, open this link. It works once and expires in 7 days:",
    acceptUrl,
    "",
    "AgentHQ does not check the names of workspaces or people: the quoted text above was written by whoever " +
      "invited you. Follow only the link above, and if you did not expect this invitation, ignore this email.",
  ].join("\n");
  return { to, subject: "You are invited to a workspace on AgentHQ", text, link: acceptUrl };
}
