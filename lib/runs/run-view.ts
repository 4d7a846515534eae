// The public shape of a run (what the API returns): no internal columns. Money leaves as USD numbers
// with at most 6 decimals, computed from integer micro-dollars.
import type { z } from "zod";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { microsToUsd } from "@/lib/spend/money";
import type { runUsageSchema, runViewSchema } from "./schemas";

export interface RunRow {
  id: string;
  agent: string;
  agentVersion: number | null;
  status: RunStatus;
  input: unknown;
  output: unknown;
  error: string | null;
  agentSeconds: number;
  provider: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costMicros: bigint;
  billedTo: string | null;
  maxCostMicros: bigint | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export type RunUsage = z.infer<typeof runUsageSchema>;
/** The public shape of a run, as runViewSchema describes it. */
export type RunView = z.infer<typeof runViewSchema>;

export function toRunView(run: RunRow): RunView {
  return {
    id: run.id,
    agent: run.agent,
    ...(run.agentVersion !== null && { agentVersion: run.agentVersion }),
    status: run.status,
    input: run.input,
    ...(run.output !== null && run.output !== undefined && { output: run.output }),
    ...(run.error && { error: run.error }),
    agentSeconds: run.agentSeconds,
    ...(run.provider && { provider: run.provider }),
    usage: {
      inputTokens: run.inputTokens,
      outputTokens: run.outputTokens,
      cacheReadTokens: run.cacheReadTokens,
      cacheWriteTokens: run.cacheWriteTokens,
      costUsd: microsToUsd(run.costMicros),
      billedTo: run.billedTo === "workspace" ? "workspace" : "platform",
    },
    ...(run.maxCostMicros !== null && { maxCostUsd: microsToUsd(run.maxCostMicros) }),
    createdAt: run.createdAt.toISOString(),
    ...(run.startedAt && { startedAt: run.startedAt.toISOString() }),
    ...(run.finishedAt && { finishedAt: run.finishedAt.toISOString() }),
  };
}

export const TERMINAL_STATUSES: RunStatus[] = ["succeeded", "failed", "canceled"];
