// A run's trace: each model turn with its tokens, cost and latency, in order (the run page and
// GET /api/v1/runs/:id show it).
import type { Tx } from "@/lib/db/tenant";
import { microsToUsd } from "@/lib/spend/money";

export interface TraceStep {
  attempt: number;
  turn: number;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  estimated: boolean;
  billedTo: "platform" | "workspace";
  latencyMs: number;
  toolCalls: string[];
  at: string;
}

export async function runTrace(tx: Tx, workspaceId: string, runId: string): Promise<TraceStep[]> {
  const steps = await tx.runStep.findMany({ where: { workspaceId, runId }, orderBy: [{ attempt: "asc" }, { turn: "asc" }] });
  return steps.map((s) => ({
    attempt: s.attempt,
    turn: s.turn,
    provider: s.provider,
    model: s.model,
    inputTokens: s.inputTokens,
    outputTokens: s.outputTokens,
    cacheReadTokens: s.cacheReadTokens,
    cacheWriteTokens: s.cacheWriteTokens,
    costUsd: microsToUsd(s.costMicros),
    estimated: s.estimated,
    billedTo: s.billedTo === "workspace" ? "workspace" : "platform",
    latencyMs: s.latencyMs,
    toolCalls: s.toolCalls,
    at: s.createdAt.toISOString(),
  }));
}
