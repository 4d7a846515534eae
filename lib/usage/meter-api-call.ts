// Counts one accepted v1 call against the workspace's quota, or stops it at the cap as the tier says:
// 402 on Free at its quota, 423 (and an auto-pause) on a paid tier at its overage cap. One round trip
// (app_count_api_call: the counter and the call's ledger row, committed without waiting for the WAL flush).
import type { TierId } from "@/config/tiers";
import { pool } from "@/lib/db/client";
import { periodStart } from "./period";
import { usageCap } from "./quota";
import { stopAtCap } from "./stop-at-cap";
import { checkUsageAlerts } from "./usage-alerts";

/**
 * A named statement: each pooled connection prepares it once, and every later call skips parsing and
 * planning it (about 40 µs of the v1 path's added latency on the benchmark machine).
 */
const COUNT_API_CALL = {
  name: "app_count_api_call",
  text: "SELECT used, admitted FROM app_count_api_call($1, $2::timestamp(3), $3::bigint)",
};

export async function meterApiCall(workspace: { id: string; tier: TierId }): Promise<void> {
  const { rows } = await pool().query<{ used: string; admitted: boolean }>({
    ...COUNT_API_CALL,
    values: [workspace.id, periodStart().toISOString(), usageCap(workspace.tier, "api_calls")],
  });
  const row = rows[0];
  if (!row) throw new Error("app_count_api_call returned no row");
  if (row.admitted) return checkUsageAlerts(workspace, "api_calls", Number(row.used));
  await stopAtCap(workspace, "api_calls");
}
