// Metering: one ledger entry and the period counter, in one atomic, idempotent database call
// (app_record_usage). Refusing what does not fit under the cap is part of the same statement, so
// concurrent requests at the edge of a quota admit exactly what fits. (API calls, metered on every v1
// request, have a leaner statement of their own: meter-api-call.ts.)
import { pool } from "@/lib/db/client";
import type { UsageMetric } from "@/lib/generated/prisma/enums";
import { periodStart } from "./period";

export interface UsageRecord {
  used: number;
  admitted: boolean;
  duplicate: boolean;
}

export async function recordUsage(input: {
  workspaceId: string;
  metric: UsageMetric;
  quantity: number;
  idempotencyKey: string;
  cap: number | null;
  at?: Date;
}): Promise<UsageRecord> {
  const start = periodStart(input.at);
  const { rows } = await pool().query<{ used: string; admitted: boolean; duplicate: boolean }>(
    `SELECT u.used, u.admitted, u.duplicate FROM app_record_usage($1, $2::"UsageMetric", $3::int, $4, $5::timestamp(3), $6::bigint) u`,
    [input.workspaceId, input.metric, input.quantity, input.idempotencyKey, start.toISOString(), input.cap],
  );
  const row = rows[0];
  if (!row) throw new Error("app_record_usage returned no row");
  return { used: Number(row.used), admitted: row.admitted, duplicate: row.duplicate };
}
