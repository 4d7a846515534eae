// Route wrapper for /api/workspaces/:slug/…: a signed-in member of the workspace with the permission
// the route declares. A workspace the caller does not belong to is 404, like one that does not exist.
import { AppError } from "@/lib/errors/app-error";
import { assertCan, type Permission } from "@/lib/members/permissions";
import { contextOf, findMemberWorkspace, type WorkspaceContext, type WorkspaceSummary } from "@/lib/workspaces/workspace-context";
import { sessionRoute, type SessionRouteContext } from "./session-route";

export interface WorkspaceRouteContext<P> extends SessionRouteContext<P> {
  workspace: WorkspaceSummary;
  ctx: WorkspaceContext;
}

export function workspaceRoute<P extends { slug: string }>(
  permission: Permission,
  handler: (c: WorkspaceRouteContext<P>) => Promise<Response>,
) {
  return sessionRoute<P>(async (c) => {
    const workspace = await findMemberWorkspace(c.user.id, c.params.slug);
    if (!workspace) throw new AppError("not_found", "Workspace not found.");
    c.log.workspaceId = workspace.id;
    assertCan(workspace.role, permission);
    return handler({ ...c, workspace, ctx: contextOf(c.user.id, workspace) });
  });
}
