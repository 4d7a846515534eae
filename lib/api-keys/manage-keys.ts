// Creating, listing and revoking API keys. Members manage their own keys; owners and admins all keys.
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import { assertCan, can } from "@/lib/members/permissions";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { forgetApiKey } from "./authenticate-api-key";
import { generateApiKey } from "./generate-key";
import { API_SCOPES, type apiKeyViewSchema, type CreateKeyInput } from "./schemas";

export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  last4: string;
  scopes: string[];
  createdById: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

function toView(row: KeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    display: `${row.prefix}…${row.last4}`,
    scopes: row.scopes,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Creates a key; the returned `key` is the only time the secret is ever shown. */
export async function createApiKey(ctx: WorkspaceContext, input: CreateKeyInput): Promise<ApiKeyView & { key: string }> {
  assertCan(ctx.role, "keys:create");
  const { key, prefix, last4, hash } = generateApiKey();
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        workspaceId: ctx.workspaceId,
        createdById: ctx.actorId,
        name: input.name,
        prefix,
        last4,
        hash,
        scopes: input.scopes ?? [...API_SCOPES],
        expiresAt: input.expiresAt ?? null,
      },
    });
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.actorId,
      action: "key.created",
      target: row.id,
      metadata: { name: row.name, scopes: row.scopes, display: `${prefix}…${last4}` },
    });
    return { ...toView(row), key };
  });
}

export async function listApiKeys(ctx: WorkspaceContext): Promise<ApiKeyView[]> {
  assertCan(ctx.role, "keys:read");
  const onlyOwn = !can(ctx.role, "keys:manage-all");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const rows = await tx.apiKey.findMany({
      where: { workspaceId: ctx.workspaceId, ...(onlyOwn && { createdById: ctx.actorId }) },
      orderBy: { createdAt: "desc" },
    });
    return rows.map(toView);
  });
}

export async function revokeApiKey(ctx: WorkspaceContext, keyId: string): Promise<ApiKeyView> {
  assertCan(ctx.role, "keys:create");
  const onlyOwn = !can(ctx.role, "keys:manage-all");
  const row = await inWorkspace(ctx.workspaceId, async (tx) => {
    const where = { id: keyId, workspaceId: ctx.workspaceId, ...(onlyOwn && { createdById: ctx.actorId }) };
    const existing = await tx.apiKey.findFirst({ where });
    if (!existing) throw new AppError("not_found", "No such API key.");
    if (existing.revokedAt) return existing;
    const { count } = await tx.apiKey.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count !== 1) throw new AppError("conflict", "The key changed meanwhile; try again.");
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.actorId,
      action: "key.revoked",
      target: keyId,
      metadata: { name: existing.name, display: `${existing.prefix}…${existing.last4}` },
    });
    return tx.apiKey.findUniqueOrThrow({ where: { id: keyId } });
  });
  forgetApiKey(row.hash);
  return toView(row);
}
