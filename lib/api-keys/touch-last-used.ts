// "Last used" for API keys, written at most once a minute per key and instance, off the request path.
import { inWorkspace } from "@/lib/db/tenant";
import { describeError, logger } from "@/lib/log/logger";

const INTERVAL_MS = 60_000;
const lastWritten = new Map<string, number>();

export function touchLastUsed(key: { keyId: string; workspaceId: string; lastUsedAt: Date | null }): void {
  const now = Date.now();
  const known = Math.max(lastWritten.get(key.keyId) ?? 0, key.lastUsedAt?.getTime() ?? 0);
  if (now - known < INTERVAL_MS) return;
  lastWritten.set(key.keyId, now);
  void inWorkspace(key.workspaceId, (tx) =>
    tx.apiKey.updateMany({ where: { id: key.keyId, workspaceId: key.workspaceId }, data: { lastUsedAt: new Date(now) } }),
  ).catch((error) => logger.warn("could not record key use", { keyId: key.keyId, ...describeError(error) }));
}
