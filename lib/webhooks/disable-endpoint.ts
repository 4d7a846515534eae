// An endpoint that failed every attempt of a whole retry schedule (about a day, nothing delivered
// meanwhile) is disabled, so AgentHQ stops calling a dead address, and the workspace's owners are told
// once: an audit entry and an email (logged when SMTP is not configured).
import { recordAudit } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db/tenant";
import { describeError, logger } from "@/lib/log/logger";
import { quoteTenantText } from "@/lib/mail/quote-tenant-text";
import { sendMail } from "@/lib/mail/send-mail";

export interface DisabledNotice {
  workspaceName: string;
  url: string;
  lastError: string;
  ownerEmails: string[];
}

/** Disables the endpoint in the caller's transaction; the notice to send once it commits, or null if it already was. */
export async function disableFailingEndpoint(
  tx: Tx,
  workspaceId: string,
  endpointId: string,
  lastError: string,
): Promise<DisabledNotice | null> {
  const reason = `Every delivery attempt failed for about a day. The last one: ${lastError}`.slice(0, 500);
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: endpointId, workspaceId, disabledAt: null },
    data: { disabledAt: new Date(), disabledReason: reason },
  });
  if (count === 0) return null;
  await recordAudit(tx, { workspaceId, actorId: null, action: "webhook.disabled", target: endpointId, metadata: { reason } });
  const endpoint = await tx.webhookEndpoint.findFirstOrThrow({
    where: { id: endpointId, workspaceId },
    select: { url: true, workspace: { select: { name: true } } },
  });
  const owners = await tx.membership.findMany({ where: { workspaceId, role: "owner" }, select: { user: { select: { email: true } } } });
  return { workspaceName: endpoint.workspace.name, url: endpoint.url, lastError, ownerEmails: owners.map((o) => o.user.email) };
}

export async function mailOwnersAboutDisabledEndpoint(notice: DisabledNotice): Promise<void> {
  for (const to of notice.ownerEmails) {
    try {
      await sendMail({
        to,
        subject: "A webhook endpoint of your workspace was disabled",
        text:
          `AgentHQ stopped sending webhooks to ${quoteTenantText(notice.url)} in your workspace ${quoteTenantText(notice.workspaceName)}: ` +
          `every delivery attempt failed for about a day.\n\nThe last attempt: ${quoteTenantText(notice.lastError)}\n\n` +
          "Fix the endpoint, enable it again in the workspace's webhook settings, and resend the deliveries it missed.",
      });
    } catch (error) {
      logger.error("could not send an email", { what: "webhook endpoint disabled", ...describeError(error) });
    }
  }
}
