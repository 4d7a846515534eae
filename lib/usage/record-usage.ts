// Metering: one ledger entry and the period counter, in one atomic, idempotent database call
// (app_record_usage). Refusing what does not fit under the cap is part of the same statement, so
// concurrent requests at the edge of a quota admit exactly what fits.
import { pool } from "@/lib/db/client";
import type { UsageMetric } from "@/lib/generated/prisma/enums";
import { periodStart } from "./period";

export interface UsageRecord {
  used: number;
  admitted: boolean;
  duplicate: boolean;
}

/**
 * `asyncCommit`: the call's transaction commits without waiting for the WAL flush (synchronous_commit
 * off for this one statement, set inside it so it costs no round trip). Counting and refusing stay exact;
 * only a crash of PostgreSQL itself within ~0.6 s of the call could forget it (never count it twice).
 * Worth it for API calls, metered on every request, where the flush was half the v1 path's added
 * latency; agent-seconds and money keep the default.
 */
export async function recordUsage(input: {
  workspaceId: string;
  metric: UsageMetric;
  quantity: number;
  idempotencyKey: string;
  cap: number | null;
  at?: Date;
  asyncCommit?: boolean;
}): Promise<UsageRecord> {
  const start = periodStart(input.at);
  const commit = input.asyncCommit ? `, set_config('synchronous_commit', 'off', true)` : "";
  const { rows } = await pool().query<{ used: string; admitted: boolean; duplicate: boolean }>(
    `SELECT u.used, u.admitted, u.duplicate${commit} FROM app_record_usage($1, $2::"UsageMetric", $3::int, $4, $5::timestamp(3), $6::bigint) u`,
    [input.workspaceId, input.metric, input.quantity, input.idempotencyKey, start.toISOString(), input.cap],
  );
  const row = rows[0];
  if (!row) throw new Error("app_record_usage returned no row");
  return { used: Number(row.used), admitted: row.admitted, duplicate: row.duplicate };
}
