// What happens when a workspace reaches the cap of a metric, for every metric in one place: the tier's
// (or, for model spend, the spend policy's) `atCap` says refuse (402) or pause (423).
import { getTier, type AtCap, type TierId } from "@/config/tiers";
import { AppError } from "@/lib/errors/app-error";
import type { UsageMetric } from "@/lib/generated/prisma/enums";
import { METRIC_NAMES } from "./metric-names";
import { pauseForQuota } from "./pause-workspace";

/** Refuses or pauses, as `atCap` says (default: the tier's rule); always throws. `detail` replaces the message. */
export async function stopAtCap(
  workspace: { id: string; tier: TierId },
  metric: UsageMetric,
  atCap?: AtCap,
  detail?: string,
): Promise<never> {
  const tier = getTier(workspace.tier);
  if ((atCap ?? tier.atCap) === "pause") {
    await pauseForQuota(workspace.id, metric);
    throw new AppError(
      "workspace_paused",
      detail ?? `This workspace reached its ${METRIC_NAMES[metric]} cap and is paused until the next period or an upgrade.`,
    );
  }
  throw new AppError(
    "quota_exceeded",
    detail ?? `This workspace has used its monthly ${METRIC_NAMES[metric]} on the ${tier.name} tier. Upgrade to continue.`,
  );
}
