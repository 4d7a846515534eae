// The public shape of a run (what the API returns): no internal columns. Money leaves as USD numbers
// with at most 6 decimals, computed from integer micro-dollars.
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { microsToUsd } from "@/lib/spend/money";

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

export interface RunUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  billedTo: "platform" | "workspace";
}

export interface RunView {
  id: string;
  agent: string;
  /** The version of a workspace agent the run ran; absent for a built-in agent. */
  agentVersion?: number;
  status: RunStatus;
  input: unknown;
  output?: unknown;
  error?: string;
  agentSeconds: number;
  provider?: string;
  usage: RunUsage;
  maxCostUsd?: number;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

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
