// Renaming and deleting a workspace.
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { assertCan } from "@/lib/members/permissions";
import type { WorkspaceContext } from "./workspace-context";

export async function renameWorkspace(ctx: WorkspaceContext, name: string): Promise<{ name: string }> {
  assertCan(ctx.role, "workspace:update");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { name: true } });
    await tx.workspace.update({ where: { id: ctx.workspaceId }, data: { name } });
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.actorId,
      action: "workspace.renamed",
      target: ctx.slug,
      metadata: { from: before.name, to: name },
    });
    return { name };
  });
}

/**
 * Deletes the workspace and, by cascade, all its data. The caller must repeat the slug as confirmation.
 * The workspace's own audit log goes with it, so the deletion is recorded in the application log.
 */
export async function deleteWorkspace(ctx: WorkspaceContext, confirmSlug: string): Promise<void> {
  assertCan(ctx.role, "workspace:delete");
  if (confirmSlug !== ctx.slug) {
    throw new AppError("invalid_request", `Type the workspace's slug (${ctx.slug}) to confirm.`, {
      fieldErrors: [{ path: "confirm", message: "Does not match the workspace's slug." }],
    });
  }
  await inWorkspace(ctx.workspaceId, async (tx) => {
    const { count } = await tx.workspace.deleteMany({ where: { id: ctx.workspaceId } });
    if (count !== 1) throw new AppError("not_found", "Workspace not found.");
  });
  logger.info("workspace.deleted", { workspaceId: ctx.workspaceId, slug: ctx.slug, actorId: ctx.actorId });
}
