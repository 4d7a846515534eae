// Secrets customers name for their tools: an HTTP tool's or MCP server's header may say
// `{ "secret": "crm_token" }` instead of carrying the value, which lives here sealed, is shown only by
// its last four characters, and is opened only by the worker making the call.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/members/permissions";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { deleteSecret, putSecret, type SecretName } from "./workspace-secrets";

const MAX_SECRETS = 100;
export const CUSTOM_PREFIX = "custom.";
export const customSecretName = (name: string): SecretName => `custom.${name}`;

export const customSecretNameSchema = z.string().regex(/^[a-z0-9_]{1,60}$/, "Use 1–60 lowercase letters, digits and underscores.");
export const setCustomSecretSchema = z.strictObject({
  name: customSecretNameSchema,
  value: z
    .string()
    .min(1, "Give the secret's value.")
    .max(4_000)
    .regex(/^[^\r\n\0]+$/, "A header value is one line."),
});

export interface CustomSecretView {
  name: string;
  last4: string;
  updatedAt: string;
}

export async function listCustomSecrets(ctx: WorkspaceContext): Promise<CustomSecretView[]> {
  const rows = await inWorkspace(ctx.workspaceId, (tx) =>
    tx.secret.findMany({
      where: { workspaceId: ctx.workspaceId, name: { startsWith: CUSTOM_PREFIX } },
      orderBy: { name: "asc" },
      select: { name: true, last4: true, updatedAt: true },
    }),
  );
  return rows.map((r) => ({ name: r.name.slice(CUSTOM_PREFIX.length), last4: r.last4, updatedAt: r.updatedAt.toISOString() }));
}

export async function setCustomSecret(ctx: WorkspaceContext, input: z.infer<typeof setCustomSecretSchema>): Promise<CustomSecretView> {
  assertCan(ctx.role, "secrets:manage");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const count = await tx.secret.count({ where: { workspaceId: ctx.workspaceId, name: { startsWith: CUSTOM_PREFIX } } });
    const exists = await tx.secret.findUnique({
      where: { workspaceId_name: { workspaceId: ctx.workspaceId, name: customSecretName(input.name) } },
      select: { id: true },
    });
    if (!exists && count >= MAX_SECRETS)
      throw new AppError("conflict", `A workspace keeps at most ${MAX_SECRETS} secrets. Remove one first.`);
    const info = await putSecret(tx, {
      workspaceId: ctx.workspaceId,
      name: customSecretName(input.name),
      value: input.value,
      actorId: ctx.actorId,
    });
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.actorId,
      action: "secret.set",
      target: input.name,
      metadata: { last4: info.last4 },
    });
    return { name: input.name, last4: info.last4, updatedAt: info.updatedAt.toISOString() };
  });
}

export async function removeCustomSecret(ctx: WorkspaceContext, name: string): Promise<void> {
  assertCan(ctx.role, "secrets:manage");
  await inWorkspace(ctx.workspaceId, async (tx) => {
    if (!(await deleteSecret(tx, ctx.workspaceId, customSecretName(name)))) throw new AppError("not_found", `No secret named "${name}".`);
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actorId, action: "secret.removed", target: name });
  });
}
