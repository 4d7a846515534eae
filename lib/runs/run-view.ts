// The public shape of a run (what the API returns): no internal columns.
import type { RunStatus } from "@/lib/generated/prisma/enums";

export interface RunRow {
  id: string;
  agent: string;
  status: RunStatus;
  input: unknown;
  output: unknown;
  error: string | null;
  agentSeconds: number;
  provider: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface RunView {
  id: string;
  agent: string;
  status: RunStatus;
  input: unknown;
  output?: unknown;
  error?: string;
  agentSeconds: number;
  provider?: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

export function toRunView(run: RunRow): RunView {
  return {
    id: run.id,
    agent: run.agent,
    status: run.status,
    input: run.input,
    ...(run.output !== null && run.output !== undefined && { output: run.output }),
    ...(run.error && { error: run.error }),
    agentSeconds: run.agentSeconds,
    ...(run.provider && { provider: run.provider }),
    createdAt: run.createdAt.toISOString(),
    ...(run.startedAt && { startedAt: run.startedAt.toISOString() }),
    ...(run.finishedAt && { finishedAt: run.finishedAt.toISOString() }),
  };
}

export const TERMINAL_STATUSES: RunStatus[] = ["succeeded", "failed", "canceled"];
