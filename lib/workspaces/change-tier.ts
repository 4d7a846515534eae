// Changing a workspace's tier (Stripe's webhooks, or the admin CLI on self-hosted installs). The new limits
// apply at once on this instance and within the API key cache's 5 s on the others; a rise lifts a quota pause.
import type { TierId } from "@/config/tiers";
import { TIER_IDS } from "@/config/tiers";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { forgetAllApiKeys } from "@/lib/api-keys/authenticate-api-key";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/app-error";
import { liftQuotaPause } from "@/lib/usage/pause-workspace";

export interface TierChange {
  from: TierId;
  to: TierId;
}

export interface TierChangeActor {
  actorId: string | null;
  source: string;
}

/** Sets the tier inside the caller's transaction (row-locked, audited when it changes). */
export async function setTierInTx(tx: Tx, workspaceId: string, tier: TierId, actor: TierChangeActor): Promise<TierChange> {
  const [workspace] = await tx.$queryRaw<{ tier: TierId }[]>`SELECT tier FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
  if (!workspace) throw new AppError("not_found", "Workspace not found.");
  if (workspace.tier !== tier) {
    await tx.workspace.update({ where: { id: workspaceId }, data: { tier } });
    await recordAudit(tx, { workspaceId, actorId: actor.actorId, action: "tier.changed", metadata: { from: workspace.tier, to: tier, source: actor.source } });
  }
  return { from: workspace.tier, to: tier };
}

/** What follows a committed tier change: a higher tier lifts a pause for quota at once. */
export async function afterTierChange(workspaceId: string, change: TierChange): Promise<void> {
  if (change.from === change.to) return;
  forgetAllApiKeys(); // API keys' cached lookups carry the workspace's tier
  if (TIER_IDS.indexOf(change.to) > TIER_IDS.indexOf(change.from)) await liftQuotaPause(workspaceId, "tier_raised");
}

export async function changeTier(workspaceId: string, tier: TierId, actor: TierChangeActor): Promise<TierChange> {
  const change = await inWorkspace(workspaceId, (tx) => setTierInTx(tx, workspaceId, tier, actor));
  await afterTierChange(workspaceId, change);
  return change;
}
