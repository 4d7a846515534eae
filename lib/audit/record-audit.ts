// The audit log: security-relevant actions, written in the same transaction as the change they record.
import type { Tx } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction =
  | "workspace.created"
  | "workspace.renamed"
  | "member.added"
  | "member.removed"
  | "member.role_changed"
  | "invitation.sent"
  | "invitation.accepted"
  | "invitation.revoked"
  | "key.created"
  | "key.revoked"
  | "tier.changed"
  | "subscription.changed"
  | "billing.payment_failed"
  | "workspace.paused"
  | "workspace.resumed"
  | "usage.alert"
  | "spend_limit.changed"
  | "model_budget.changed"
  | "provider_key.set"
  | "provider_key.removed"
  | "agent.created"
  | "agent.updated"
  | "agent.archived"
  | "model_connection.created"
  | "model_connection.removed"
  | "secret.set"
  | "secret.removed"
  | "tool_signing_secret.rotated"
  | "webhook.created"
  | "webhook.deleted"
  | "webhook.secret_rotated"
  | "webhook.disabled"
  | "webhook.enabled";

export interface AuditEntry {
  workspaceId: string;
  actorId: string | null;
  action: AuditAction;
  target?: string;
  metadata?: Prisma.InputJsonObject;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: entry });
}
