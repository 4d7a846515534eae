// Run events: what a run reports as it goes (status changes, log lines, tool calls, output, done). Each insert fires
// NOTIFY run_events (a trigger), which wakes the live streams on every app instance.
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";

/** `tool`: one tool call of a turn (its arguments, a prefix of its result, duration, error). */
export type RunEventType = "status" | "log" | "tool" | "output" | "done";

export interface RunEventView {
  id: string;
  type: RunEventType;
  data: unknown;
  createdAt: string;
}

export async function appendRunEvent(workspaceId: string, runId: string, type: RunEventType, data: Prisma.InputJsonValue): Promise<void> {
  await inWorkspace(workspaceId, (tx) => insertRunEvent(tx, workspaceId, runId, type, data));
}

/** The same, in the caller's transaction (with the write it reports). */
export async function insertRunEvent(
  tx: Tx,
  workspaceId: string,
  runId: string,
  type: RunEventType,
  data: Prisma.InputJsonValue,
): Promise<void> {
  await tx.runEvent.create({ data: { workspaceId, runId, type, data } });
}

/** The most events one read returns; a full page means more may follow. */
export const RUN_EVENTS_PAGE = 1000;

export async function listRunEvents(workspaceId: string, runId: string, afterId?: bigint): Promise<RunEventView[]> {
  const rows = await inWorkspace(workspaceId, (tx) =>
    tx.runEvent.findMany({
      where: { workspaceId, runId, ...(afterId !== undefined && { id: { gt: afterId } }) },
      orderBy: { id: "asc" },
      take: RUN_EVENTS_PAGE,
    }),
  );
  return rows.map((e) => ({ id: e.id.toString(), type: e.type as RunEventType, data: e.data, createdAt: e.createdAt.toISOString() }));
}
