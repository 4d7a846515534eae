// Turns an `Authorization: Bearer <key>` header into the key's principal: its workspace, its effective
// scopes (the key's scopes within its creator's current role). Every failure is the same 401.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role, Tier, WorkspaceStatus } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/members/permissions";
import { ApiKeyCache } from "./api-key-cache";
import { API_KEY_PATTERN, hashApiKey } from "./generate-key";
import { API_SCOPES, type ApiScope } from "./schemas";

export interface ApiKeyPrincipal {
  keyId: string;
  createdById: string;
  role: Role;
  scopes: ApiScope[];
  lastUsedAt: Date | null;
  workspace: { id: string; slug: string; name: string; tier: Tier; status: WorkspaceStatus; pausedReason: string | null };
}

interface KeyRow {
  id: string;
  workspaceId: string;
  createdById: string | null;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  slug: string;
  name: string;
  tier: Tier;
  status: WorkspaceStatus;
  pausedReason: string | null;
  creatorRole: Role | null;
}

const globalForKeys = globalThis as unknown as { agenthqKeyCache?: ApiKeyCache<KeyRow | null> };
export const keyCache = (globalForKeys.agenthqKeyCache ??= new ApiKeyCache<KeyRow | null>());

export const UNAUTHORIZED = () =>
  new AppError("unauthorized", "Send a valid API key as `Authorization: Bearer ahq_live_…`.", {
    headers: { "www-authenticate": 'Bearer realm="agenthq"' },
  });

export function bearerKey(header: string | null): string | null {
  if (!header || header.length > 200) return null;
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  return match && API_KEY_PATTERN.test(match[1]!) ? match[1]! : null;
}

async function lookUp(hash: string): Promise<KeyRow | null> {
  const cached = keyCache.get(hash);
  if (cached !== undefined) return cached;
  const [row] = await db().$queryRaw<KeyRow[]>`SELECT * FROM app_api_key_by_hash(${hash})`;
  keyCache.set(hash, row ?? null);
  return row ?? null;
}

export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyPrincipal> {
  const key = bearerKey(authorization);
  if (!key) throw UNAUTHORIZED();
  const hash = hashApiKey(key);
  const row = await lookUp(hash);
  const usable = row && !row.revokedAt && (!row.expiresAt || row.expiresAt.getTime() > Date.now()) && row.creatorRole && row.createdById;
  if (!usable) throw UNAUTHORIZED();
  const role = row.creatorRole!;
  return {
    keyId: row.id,
    createdById: row.createdById!,
    role,
    scopes: API_SCOPES.filter((scope) => row.scopes.includes(scope) && can(role, scope)),
    lastUsedAt: row.lastUsedAt,
    workspace: { id: row.workspaceId, slug: row.slug, name: row.name, tier: row.tier, status: row.status, pausedReason: row.pausedReason },
  };
}

/** Forget every cached lookup on this instance (after a workspace's tier or status changed here). */
export function forgetAllApiKeys(): void {
  keyCache.clear();
}

/** Forget a key's cached lookup on this instance (after revoking it here). */
export function forgetApiKey(hash: string): void {
  keyCache.delete(hash);
}
