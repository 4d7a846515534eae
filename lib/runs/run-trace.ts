// A run's trace: each model turn with its tokens, cost and latency, and the tool calls it asked for
// (arguments, result, duration, error), in order (the run page, the playground and GET /api/v1/runs/:id).
import type { z } from "zod";
import type { Tx } from "@/lib/db/tenant";
import { microsToUsd } from "@/lib/spend/money";
import type { traceStepSchema, traceToolCallSchema } from "./schemas";

export type TraceStep = z.infer<typeof traceStepSchema>;
export type TraceToolCall = z.infer<typeof traceToolCallSchema>;

export async function runTrace(tx: Tx, workspaceId: string, runId: string): Promise<TraceStep[]> {
  const steps = await tx.runStep.findMany({ where: { workspaceId, runId }, orderBy: [{ attempt: "asc" }, { turn: "asc" }] });
  const calls = await tx.runToolCall.findMany({ where: { workspaceId, runId }, orderBy: { createdAt: "asc" } });
  const callsOf = (attempt: number, turn: number, names: string[]): TraceToolCall[] => {
    const made = calls.filter((c) => c.attempt === attempt && c.turn === turn);
    // A call the turn asked for that never ran (the run stopped first) shows by name only.
    const missing = names
      .slice(made.length)
      .map((name, i) => ({ id: `pending-${i}`, name, arguments: null, result: null, isError: false, durationMs: null }));
    return [
      ...made.map((c) => ({
        id: c.callId,
        name: c.tool,
        arguments: c.arguments,
        result: c.result,
        isError: c.isError,
        durationMs: c.durationMs,
      })),
      ...missing,
    ];
  };
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
    toolCalls: callsOf(s.attempt, s.turn, s.toolCalls),
    at: s.createdAt.toISOString(),
  }));
}
