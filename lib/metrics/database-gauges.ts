// The gauges read from the database when Prometheus scrapes: runs by status, the run queue's backlog and
// paused workspaces. Counting across workspaces goes through the system functions of the metrics
// migration, because row-level security shows the app role no tenant's rows without a workspace set;
// pg-boss's tables have no row-level security.
import type { Gauge } from "prom-client";
import { pool } from "@/lib/db/client";
import { describeError, logger } from "@/lib/log/logger";
import { QUEUE_SCHEMA, RUN_QUEUE } from "@/lib/queue/run-queue";
import { appMetrics, type AppMetrics } from "./registry";

type Count = { label: string; count: string };

const RUNS_BY_STATUS = `SELECT status AS label, runs AS count FROM app_run_status_counts()`;
const PAUSED_BY_REASON = `SELECT reason AS label, workspaces AS count FROM app_paused_workspace_counts()`;
// Only unfinished jobs: pg-boss's partial indexes cover them, and finished ones pile up until archived.
const QUEUE_BY_STATE = `
  SELECT s.state::text AS label, count(j.id) AS count
    FROM unnest(ARRAY['created', 'retry', 'active']::${QUEUE_SCHEMA}.job_state[]) AS s(state)
    LEFT JOIN ${QUEUE_SCHEMA}.job j ON j.name = $1 AND j.state = s.state
   GROUP BY s.state`;

function setAll<L extends string>(gauge: Gauge<L>, label: L, rows: Count[]) {
  gauge.reset();
  for (const row of rows) gauge.set({ [label]: row.label } as Record<L, string>, Number(row.count));
}

/** Refreshes the database gauges; if the database does not answer they are left empty, not stale. */
export async function refreshDatabaseGauges(metrics: AppMetrics = appMetrics()): Promise<void> {
  try {
    const db = pool();
    const [runs, queue, paused] = await Promise.all([
      db.query<Count>(RUNS_BY_STATUS),
      db.query<Count>(QUEUE_BY_STATE, [RUN_QUEUE]),
      db.query<Count>(PAUSED_BY_REASON),
    ]);
    setAll(metrics.runs, "status", runs.rows);
    setAll(metrics.runQueueJobs, "state", queue.rows);
    setAll(metrics.pausedWorkspaces, "reason", paused.rows);
  } catch (error) {
    for (const gauge of [metrics.runs, metrics.runQueueJobs, metrics.pausedWorkspaces]) gauge.reset();
    logger.warn("metrics: database gauges unavailable", describeError(error));
  }
}
