// The one store of workspace secrets (their own provider keys, tool, MCP and webhook secrets):
// sealed with AES-256-GCM (secret-box.ts), shown only as their last four characters, never logged.
import type { Tx } from "@/lib/db/tenant";
import { open, seal } from "./secret-box";

/**
 * The workspace's own Anthropic key, a model connection's key ("connection.<name>"), the key HTTP tool
 * requests are signed with, the secrets customers name for their tools' headers ("custom.<name>"), and
 * each webhook endpoint's signing secret ("webhook.<id>", and "webhook.<id>.previous" after a rotation).
 */
export type SecretName = "anthropic_api_key" | "tool_signing_secret" | `connection.${string}` | `custom.${string}` | `webhook.${string}`;

export interface SecretInfo {
  name: SecretName;
  last4: string;
  updatedAt: Date;
}

const contextOf = (workspaceId: string, name: SecretName) => `${workspaceId}/${name}`;

export async function putSecret(
  tx: Tx,
  input: { workspaceId: string; name: SecretName; value: string; actorId: string | null },
): Promise<SecretInfo> {
  const data = {
    ciphertext: seal(input.value, contextOf(input.workspaceId, input.name)),
    last4: input.value.slice(-4),
    createdById: input.actorId,
  };
  const row = await tx.secret.upsert({
    where: { workspaceId_name: { workspaceId: input.workspaceId, name: input.name } },
    create: { workspaceId: input.workspaceId, name: input.name, ...data },
    update: data,
    select: { last4: true, updatedAt: true },
  });
  return { name: input.name, ...row };
}

/** Stores a secret only when the workspace has none of that name (a concurrent writer's stays). */
export async function addSecretIfMissing(
  tx: Tx,
  input: { workspaceId: string; name: SecretName; value: string; actorId: string | null },
): Promise<void> {
  await tx.secret.createMany({
    data: [
      {
        workspaceId: input.workspaceId,
        name: input.name,
        ciphertext: seal(input.value, contextOf(input.workspaceId, input.name)),
        last4: input.value.slice(-4),
        createdById: input.actorId,
      },
    ],
    skipDuplicates: true,
  });
}

export async function secretInfo(tx: Tx, workspaceId: string, name: SecretName): Promise<SecretInfo | null> {
  const row = await tx.secret.findUnique({ where: { workspaceId_name: { workspaceId, name } }, select: { last4: true, updatedAt: true } });
  return row && { name, ...row };
}

/** The sealed value, read inside a caller's transaction and opened later with `openSealedSecret`; null when none. */
export async function readSealedSecret(tx: Tx, workspaceId: string, name: SecretName): Promise<string | null> {
  const row = await tx.secret.findUnique({ where: { workspaceId_name: { workspaceId, name } }, select: { ciphertext: true } });
  return row?.ciphertext ?? null;
}

/** The plaintext, for the one place that uses it (a provider call). Throws when this server's key cannot open it. */
export function openSealedSecret(sealed: string, workspaceId: string, name: SecretName): string {
  return open(sealed, contextOf(workspaceId, name));
}

/** The sealed values of every secret whose name starts with `prefix`, for a run to open the ones it uses. */
export async function readSealedSecrets(tx: Tx, workspaceId: string, prefix: string): Promise<Map<SecretName, string>> {
  const rows = await tx.secret.findMany({
    where: { workspaceId, name: { startsWith: prefix } },
    select: { name: true, ciphertext: true },
    take: 200,
  });
  return new Map(rows.map((r) => [r.name as SecretName, r.ciphertext]));
}

export async function deleteSecret(tx: Tx, workspaceId: string, name: SecretName): Promise<boolean> {
  const { count } = await tx.secret.deleteMany({ where: { workspaceId, name } });
  return count === 1;
}
