// What admitting a new run needs to know, read in one round trip (app_run_admission): the period's
// agent-seconds and model spend, the workspace's spend settings, and whether it pays with its own key.
import type { TierId } from "@/config/tiers";
import { pool } from "@/lib/db/client";
import type { SpendWorkspace } from "@/lib/spend/spend-policy";
import { periodStart } from "@/lib/usage/period";

export interface RunAdmission {
  agentSeconds: number;
  spendUsedMicros: number;
  spendReservedMicros: number;
  workspace: SpendWorkspace;
  ownKey: boolean;
}

interface AdmissionRow {
  agentSeconds: string;
  spendUsed: string;
  spendReserved: string;
  tier: TierId;
  spendLimitMicros: string | null;
  modelBudgetMicros: string | null;
  stripeCustomerId: string | null;
  ownKey: boolean;
}

export async function loadRunAdmission(workspaceId: string): Promise<RunAdmission> {
  const { rows } = await pool().query<AdmissionRow>(`SELECT * FROM app_run_admission($1, $2::timestamp(3))`, [
    workspaceId,
    periodStart().toISOString(),
  ]);
  const row = rows[0];
  if (!row) throw new Error(`app_run_admission found no workspace ${workspaceId}`);
  const micros = (value: string | null) => (value === null ? null : Number(value));
  return {
    agentSeconds: Number(row.agentSeconds),
    spendUsedMicros: Number(row.spendUsed),
    spendReservedMicros: Number(row.spendReserved),
    workspace: {
      id: workspaceId,
      tier: row.tier,
      spendLimitMicros: micros(row.spendLimitMicros),
      modelBudgetMicros: micros(row.modelBudgetMicros),
      stripeCustomerId: row.stripeCustomerId,
    },
    ownKey: row.ownKey,
  };
}
