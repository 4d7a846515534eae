// The secret a workspace's HTTP tool requests are signed with (Standard Webhooks: webhook-id,
// webhook-timestamp, webhook-signature), so the customer's endpoint can tell AgentHQ's calls from
// anyone else's. Made on first need; owners can reveal it (to configure their endpoint) and rotate it.
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { assertCan } from "@/lib/members/permissions";
import { addSecretIfMissing, openSealedSecret, putSecret, readSealedSecret } from "@/lib/secrets/workspace-secrets";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { newSigningSecret } from "./tool-signature";

export const SIGNING_SECRET = "tool_signing_secret" as const;

/**
 * The workspace's signing secret, made now when it has none (inside the caller's transaction). Two runs
 * making it at once keep the first one stored: the loser reads it back rather than signing with its own.
 */
export async function ensureSigningSecret(tx: Tx, workspaceId: string, actorId: string | null): Promise<string> {
  const sealed = await readSealedSecret(tx, workspaceId, SIGNING_SECRET);
  if (sealed) return openSealedSecret(sealed, workspaceId, SIGNING_SECRET);
  await addSecretIfMissing(tx, { workspaceId, name: SIGNING_SECRET, value: newSigningSecret(), actorId });
  return openSealedSecret((await readSealedSecret(tx, workspaceId, SIGNING_SECRET))!, workspaceId, SIGNING_SECRET);
}

export async function revealSigningSecret(ctx: WorkspaceContext): Promise<{ secret: string }> {
  assertCan(ctx.role, "secrets:manage");
  return { secret: await inWorkspace(ctx.workspaceId, (tx) => ensureSigningSecret(tx, ctx.workspaceId, ctx.actorId)) };
}

/** A new secret at once: requests signed with the old one stop verifying, so update the endpoint right after. */
export async function rotateSigningSecret(ctx: WorkspaceContext): Promise<{ secret: string }> {
  assertCan(ctx.role, "secrets:manage");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const secret = newSigningSecret();
    await putSecret(tx, { workspaceId: ctx.workspaceId, name: SIGNING_SECRET, value: secret, actorId: ctx.actorId });
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actorId, action: "tool_signing_secret.rotated" });
    return { secret };
  });
}
