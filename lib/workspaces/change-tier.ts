// Changing a workspace's tier (billing, or the admin CLI on self-hosted installs). The new limits apply
// at once; a rise lifts a quota pause.
import type { TierId } from "@/config/tiers";
import { TIER_IDS } from "@/config/tiers";
import { inWorkspace } from "@/lib/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/app-error";
import { liftQuotaPause } from "@/lib/usage/pause-workspace";

export async function changeTier(workspaceId: string, tier: TierId, actor: { actorId: string | null; source: string }): Promise<{ from: TierId; to: TierId }> {
  const from = await inWorkspace(workspaceId, async (tx) => {
    const workspace = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { tier: true } });
    if (!workspace) throw new AppError("not_found", "Workspace not found.");
    if (workspace.tier !== tier) {
      await tx.workspace.update({ where: { id: workspaceId }, data: { tier } });
      await recordAudit(tx, { workspaceId, actorId: actor.actorId, action: "tier.changed", metadata: { from: workspace.tier, to: tier, source: actor.source } });
    }
    return workspace.tier;
  });
  if (TIER_IDS.indexOf(tier) > TIER_IDS.indexOf(from)) await liftQuotaPause(workspaceId, "tier_raised");
  return { from, to: tier };
}
