// Reading a workspace's audit log, newest first, with cursor pagination.
import { inWorkspace } from "@/lib/db/tenant";
import { assertCan } from "@/lib/members/permissions";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";

export interface AuditLogPage {
  data: {
    id: string;
    action: string;
    target: string | null;
    metadata: unknown;
    at: string;
    actor: { id: string; name: string; email: string } | null;
  }[];
  nextCursor: string | null;
}

export async function listAuditLog(ctx: WorkspaceContext, options: { limit: number; cursor?: string }): Promise<AuditLogPage> {
  assertCan(ctx.role, "audit:read");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const rows = await tx.auditLog.findMany({
      where: { workspaceId: ctx.workspaceId },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: options.limit + 1,
      ...(options.cursor && { cursor: { id: options.cursor }, skip: 1 }),
    });
    const page = rows.slice(0, options.limit);
    const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => id !== null))];
    const actors = await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
    const byId = new Map(actors.map((a) => [a.id, a]));
    return {
      data: page.map((r) => ({
        id: r.id,
        action: r.action,
        target: r.target,
        metadata: r.metadata,
        at: r.at.toISOString(),
        actor: r.actorId ? (byId.get(r.actorId) ?? null) : null,
      })),
      nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}
