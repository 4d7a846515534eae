// Each webhook endpoint's signing secret, in the workspace secret store. Rotating keeps the previous
// secret for a day ("webhook.<id>.previous", its expiry counted from when it was put there), and
// deliveries are signed with both meanwhile, so the customer can switch their receiver without missing
// a delivery: Standard Webhooks receivers accept any of the space-separated signatures.
import type { Tx } from "@/lib/db/tenant";
import { deleteSecret, openSealedSecret, putSecret, type SecretName } from "@/lib/secrets/workspace-secrets";
import { newSigningSecret } from "@/lib/tools/tool-signature";

const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

const currentName = (endpointId: string): SecretName => `webhook.${endpointId}`;
const previousName = (endpointId: string): SecretName => `webhook.${endpointId}.previous`;

/** A new secret for a new endpoint; returns it (to be shown this once). */
export async function createEndpointSecret(tx: Tx, workspaceId: string, endpointId: string, actorId: string | null): Promise<string> {
  const secret = newSigningSecret();
  await putSecret(tx, { workspaceId, name: currentName(endpointId), value: secret, actorId });
  return secret;
}

/** A new current secret; the one it replaces stays valid until the returned time. */
export async function rotateEndpointSecret(
  tx: Tx,
  workspaceId: string,
  endpointId: string,
  actorId: string | null,
): Promise<{ secret: string; previousExpiresAt: Date }> {
  const [current] = await openSecrets(tx, workspaceId, [currentName(endpointId)]);
  const previous = current && (await putSecret(tx, { workspaceId, name: previousName(endpointId), value: current.value, actorId }));
  const secret = newSigningSecret();
  await putSecret(tx, { workspaceId, name: currentName(endpointId), value: secret, actorId });
  return { secret, previousExpiresAt: new Date((previous?.updatedAt ?? new Date()).getTime() + ROTATION_OVERLAP_MS) };
}

/**
 * The secrets a delivery is signed with now: the current one, and the previous one during its overlap
 * (one past it is removed here). Throws when this server cannot open them (SECRETS_KEY).
 */
export async function signingSecrets(tx: Tx, workspaceId: string, endpointId: string, now: Date): Promise<string[]> {
  const secrets = await openSecrets(tx, workspaceId, [currentName(endpointId), previousName(endpointId)]);
  const current = secrets.find((s) => s.name === currentName(endpointId));
  const previous = secrets.find((s) => s.name === previousName(endpointId));
  const previousValid = previous !== undefined && previous.updatedAt.getTime() + ROTATION_OVERLAP_MS > now.getTime();
  if (previous && !previousValid) await deleteSecret(tx, workspaceId, previous.name);
  return [current, previousValid ? previous : undefined].flatMap((s) => (s ? [s.value] : []));
}

export async function deleteEndpointSecrets(tx: Tx, workspaceId: string, endpointId: string): Promise<void> {
  await deleteSecret(tx, workspaceId, currentName(endpointId));
  await deleteSecret(tx, workspaceId, previousName(endpointId));
}

async function openSecrets(tx: Tx, workspaceId: string, names: SecretName[]) {
  const rows = await tx.secret.findMany({
    where: { workspaceId, name: { in: names } },
    select: { name: true, ciphertext: true, updatedAt: true },
  });
  return rows.map((row) => {
    const name = row.name as SecretName;
    return { name, value: openSealedSecret(row.ciphertext, workspaceId, name), updatedAt: row.updatedAt };
  });
}
