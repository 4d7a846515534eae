// Changing a workspace's tier (Stripe's webhooks, or the admin CLI on self-hosted installs). The new limits
// apply at once on this instance and within the API key cache's 5 s on the others; a rise lifts a quota
// pause in the same transaction.
import { tierRanksAbove, type TierId } from "@/config/tiers";
import { forgetAllApiKeys } from "@/lib/api-keys/authenticate-api-key";
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import { liftQuotaPauseInTx } from "@/lib/usage/pause-workspace";

export interface TierChange {
  from: TierId;
  to: TierId;
}

export interface TierChangeActor {
  actorId: string | null;
  source: string;
}

/**
 * Sets the tier inside the caller's transaction: row-locked (`FOR NO KEY UPDATE`, which leaves the
 * workspace's API traffic alone), audited when it changes, and a rise lifts a pause for quota.
 */
export async function setTierInTx(tx: Tx, workspaceId: string, tier: TierId, actor: TierChangeActor): Promise<TierChange> {
  const [workspace] = await tx.$queryRaw<{ tier: TierId }[]>`SELECT tier FROM "Workspace" WHERE id = ${workspaceId} FOR NO KEY UPDATE`;
  if (!workspace) throw new AppError("not_found", "Workspace not found.");
  if (workspace.tier !== tier) {
    await tx.workspace.update({ where: { id: workspaceId }, data: { tier } });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.actorId,
      action: "tier.changed",
      metadata: { from: workspace.tier, to: tier, source: actor.source },
    });
  }
  if (tierRanksAbove(tier, workspace.tier)) await liftQuotaPauseInTx(tx, workspaceId, "tier_raised");
  return { from: workspace.tier, to: tier };
}

/** After a committed change: this instance forgets API keys' cached lookups, which carry the tier. */
export function afterTierChange(change: TierChange): void {
  if (change.from !== change.to) forgetAllApiKeys();
}

export async function changeTier(workspaceId: string, tier: TierId, actor: TierChangeActor): Promise<TierChange> {
  const change = await inWorkspace(workspaceId, (tx) => setTierInTx(tx, workspaceId, tier, actor));
  afterTierChange(change);
  return change;
}
