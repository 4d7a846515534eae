// Counts one accepted v1 call against the workspace's quota, or stops it at the cap as the tier says:
// 402 on Free at its quota, 423 (and an auto-pause) on a paid tier at its overage cap.
import { randomUUID } from "node:crypto";
import type { TierId } from "@/config/tiers";
import { usageCap } from "./quota";
import { recordUsage } from "./record-usage";
import { stopAtCap } from "./stop-at-cap";
import { checkUsageAlerts } from "./usage-alerts";

export async function meterApiCall(workspace: { id: string; tier: TierId }): Promise<void> {
  const result = await recordUsage({
    workspaceId: workspace.id,
    metric: "api_calls",
    quantity: 1,
    // Server-made, never the client's request id: a client must not be able to replay its way past counting.
    idempotencyKey: `api:${randomUUID()}`,
    cap: usageCap(workspace.tier, "api_calls"),
    asyncCommit: true,
  });
  if (result.admitted) return checkUsageAlerts(workspace, "api_calls", result.used);
  await stopAtCap(workspace, "api_calls");
}
