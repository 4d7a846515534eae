// The model-spend ledger: reserve a turn's worst case before it is sent, settle it to the actual cost
// after, or release it. Each is one atomic, idempotent database call (the app_*_spend functions of the
// model_spend migration), keyed by the turn: run, attempt and turn number.
import { pool } from "@/lib/db/client";
import { periodStart } from "@/lib/usage/period";
import type { TokenUsage } from "./token-usage";

/** A reservation outlives its turn only when its worker died; then the sweep releases it after this. */
export const RESERVATION_LEASE_SECONDS = 10 * 60;

export const turnKey = (runId: string, attempt: number, turn: number) => `run:${runId}:a${attempt}:t${turn}`;
export const runKeyPrefix = (runId: string) => `run:${runId}:`;

export async function reserveSpend(input: { workspaceId: string; key: string; amountMicros: number; capMicros: number | null; at?: Date }) {
  const { rows } = await pool().query<{ admitted: boolean; used: string | null; reserved: string | null }>(
    `SELECT * FROM app_reserve_spend($1, $2, $3::bigint, $4::timestamp(3), $5::bigint, $6::int)`,
    [input.workspaceId, input.key, input.amountMicros, periodStart(input.at).toISOString(), input.capMicros, RESERVATION_LEASE_SECONDS],
  );
  const row = rows[0]!;
  return { admitted: row.admitted, usedMicros: Number(row.used ?? 0), reservedMicros: Number(row.reserved ?? 0) };
}

export interface SettledTurn {
  workspaceId: string;
  key: string;
  /** The platform pays (the ledger counts it); false: the workspace's own key paid. */
  metered: boolean;
  overageFromMicros: number | null;
  runId: string;
  attempt: number;
  turn: number;
  provider: string;
  model: string;
  usage: TokenUsage;
  costMicros: number;
  estimated: boolean;
  latencyMs: number;
  toolCalls: string[];
}

/** Settles a turn; returns the period's settled spend (null when not metered) and whether it was a repeat. */
export async function settleSpend(turn: SettledTurn): Promise<{ usedMicros: number | null; duplicate: boolean }> {
  const { rows } = await pool().query<{ used: string | null; duplicate: boolean }>(
    `SELECT * FROM app_settle_spend($1, $2, $3, $4::timestamp(3), $5::bigint, $6, $7::int, $8::int, $9, $10,
                                    $11::int, $12::int, $13::int, $14::int, $15::bigint, $16, $17::int, $18::text[])`,
    [
      turn.workspaceId,
      turn.key,
      turn.metered,
      periodStart().toISOString(),
      turn.overageFromMicros,
      turn.runId,
      turn.attempt,
      turn.turn,
      turn.provider,
      turn.model,
      turn.usage.inputTokens,
      turn.usage.outputTokens,
      turn.usage.cacheReadTokens,
      turn.usage.cacheWriteTokens,
      turn.costMicros,
      turn.estimated,
      Math.round(turn.latencyMs),
      turn.toolCalls,
    ],
  );
  const row = rows[0]!;
  return { usedMicros: row.used === null ? null : Number(row.used), duplicate: row.duplicate };
}

/** Releases the open reservation of a turn key, or all of a run under `runKeyPrefix` (ends in ":"). Returns micro-USD freed. */
export async function releaseSpend(workspaceId: string, keyPrefix: string): Promise<number> {
  const { rows } = await pool().query<{ released: string }>(`SELECT app_release_spend($1, $2) AS released`, [workspaceId, keyPrefix]);
  return Number(rows[0]?.released ?? 0);
}

/** The workers' sweep: releases reservations past their lease, in every workspace. Returns how many. */
export async function releaseExpiredReservations(): Promise<number> {
  const { rows } = await pool().query<{ released: number }>(`SELECT app_release_expired_spend() AS released`);
  return rows[0]?.released ?? 0;
}
