// The run.succeeded, run.failed and run.canceled events: the finished run as the API shows it, without
// its input and output (fetch those with GET /api/v1/runs/:id), emitted in the transaction that ends it.
import type { Tx } from "@/lib/db/tenant";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { toRunView } from "@/lib/runs/run-view";
import { emitWebhookEvent } from "./emit-webhook-event";

const EVENT_OF: Partial<Record<RunStatus, "run.succeeded" | "run.failed" | "run.canceled">> = {
  succeeded: "run.succeeded",
  failed: "run.failed",
  canceled: "run.canceled",
};

export async function emitRunFinished(tx: Tx, workspaceId: string, runId: string, status: RunStatus): Promise<void> {
  const type = EVENT_OF[status];
  if (!type) return;
  await emitWebhookEvent(tx, workspaceId, type, async () => {
    const run = toRunView(await tx.run.findFirstOrThrow({ where: { id: runId, workspaceId } }));
    return {
      id: run.id,
      agent: run.agent,
      ...(run.agentVersion !== undefined && { agentVersion: run.agentVersion }),
      status: run.status,
      ...(run.error && { error: run.error }),
      finishedAt: run.finishedAt,
      usage: { ...run.usage },
    };
  });
}
