// An owner's spend controls: a monthly spend limit below the tier's cap, and the workspace's own
// Anthropic API key (BYOK: its runs bill the customer's account, not the included model spend).
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/members/permissions";
import { deleteSecret, putSecret, secretInfo, type SecretInfo } from "@/lib/secrets/workspace-secrets";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { formatUsd, usdToMicros } from "./money";
import { loadSpendWorkspace, spendPolicy } from "./spend-policy";

export async function setSpendLimit(ctx: WorkspaceContext, limitUsd: number | null): Promise<{ limitMicros: number | null }> {
  assertCan(ctx.role, "spend:manage");
  const limitMicros = limitUsd === null ? null : usdToMicros(limitUsd);
  const tierCap = spendPolicy({ ...(await loadSpendWorkspace(ctx.workspaceId)), spendLimitMicros: null }).capMicros;
  if (limitMicros !== null && tierCap !== null && limitMicros >= tierCap) {
    throw new AppError("invalid_request", `The limit must be below the tier's cap of ${formatUsd(tierCap)} a month.`, {
      fieldErrors: [{ path: "limitUsd", message: `Use less than ${formatUsd(tierCap)}.` }],
    });
  }
  await inWorkspace(ctx.workspaceId, async (tx) => {
    const { count } = await tx.workspace.updateMany({ where: { id: ctx.workspaceId }, data: { spendLimitMicros: limitMicros } });
    if (count !== 1) throw new AppError("not_found", "Workspace not found.");
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actorId, action: "spend_limit.changed", metadata: { limitMicros } });
  });
  return { limitMicros };
}

/** The operator's included model spend for a workspace (contracts, self-hosters with billing off); null: the tier's. */
export async function setModelBudget(workspaceId: string, budgetMicros: number | null): Promise<void> {
  await inWorkspace(workspaceId, async (tx) => {
    await tx.workspace.update({ where: { id: workspaceId }, data: { modelBudgetMicros: budgetMicros } });
    await recordAudit(tx, { workspaceId, actorId: null, action: "model_budget.changed", metadata: { budgetMicros, source: "admin-cli" } });
  });
}

/** The secret that holds the workspace's own Anthropic API key. */
export const PROVIDER_KEY = "anthropic_api_key" as const;

export async function setProviderKey(ctx: WorkspaceContext, apiKey: string): Promise<SecretInfo> {
  assertCan(ctx.role, "secrets:manage");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const info = await putSecret(tx, { workspaceId: ctx.workspaceId, name: PROVIDER_KEY, value: apiKey, actorId: ctx.actorId });
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.actorId,
      action: "provider_key.set",
      target: "anthropic",
      metadata: { last4: info.last4 },
    });
    return info;
  });
}

export async function removeProviderKey(ctx: WorkspaceContext): Promise<void> {
  assertCan(ctx.role, "secrets:manage");
  await inWorkspace(ctx.workspaceId, async (tx) => {
    if (!(await deleteSecret(tx, ctx.workspaceId, PROVIDER_KEY))) throw new AppError("not_found", "This workspace has no provider key.");
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actorId, action: "provider_key.removed", target: "anthropic" });
  });
}

export function providerKeyInfo(ctx: WorkspaceContext): Promise<SecretInfo | null> {
  return inWorkspace(ctx.workspaceId, (tx) => secretInfo(tx, ctx.workspaceId, PROVIDER_KEY));
}
