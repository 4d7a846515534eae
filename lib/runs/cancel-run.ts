// Canceling a run: a queued run ends at once; a running one is stopped by its worker within a second;
// a finished run is returned unchanged.
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import { emitRunFinished } from "@/lib/webhooks/run-webhook-events";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { toRunView, type RunView } from "./run-view";

export async function cancelRun(ctx: WorkspaceContext, runId: string): Promise<RunView> {
  const { workspaceId } = ctx;
  const run = await inWorkspace(workspaceId, async (tx) => {
    const now = new Date();
    const canceledWhileQueued = await tx.run.updateMany({
      where: { id: runId, workspaceId, status: "queued" },
      data: { status: "canceled", cancelRequestedAt: now, finishedAt: now },
    });
    if (canceledWhileQueued.count === 1) {
      await tx.runEvent.create({ data: { workspaceId, runId, type: "status", data: { status: "canceled" } } });
      await tx.runEvent.create({ data: { workspaceId, runId, type: "done", data: { status: "canceled" } } });
      await emitRunFinished(tx, workspaceId, runId, "canceled");
    } else {
      await tx.run.updateMany({
        where: { id: runId, workspaceId, status: "running", cancelRequestedAt: null },
        data: { cancelRequestedAt: now },
      });
    }
    return tx.run.findFirst({ where: { id: runId, workspaceId } });
  });
  if (!run) throw new AppError("not_found", "No run with this id in this workspace.");
  return toRunView(run);
}
