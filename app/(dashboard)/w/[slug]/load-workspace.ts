// Loads the signed-in user and the workspace of the URL once per request (layout and page share it).
// A workspace the user is not a member of is a 404, exactly like one that does not exist.
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireSessionUser } from "@/lib/auth/require-session-user";
import { can, type Permission } from "@/lib/members/permissions";
import { contextOf, findMemberWorkspace, listWorkspaces } from "@/lib/workspaces/workspace-context";

export const loadWorkspace = cache(async (slug: string) => {
  const user = await requireSessionUser(`/w/${slug}`);
  const workspace = await findMemberWorkspace(user.id, slug);
  if (!workspace) notFound();
  return { user, workspace, ctx: contextOf(user.id, workspace), workspaces: await listWorkspaces(user.id) };
});

/** For a section that needs a permission: its data, or null when the member's role may not open it. */
export async function loadWorkspaceFor(slug: string, permission: Permission) {
  const loaded = await loadWorkspace(slug);
  return can(loaded.workspace.role, permission) ? loaded : null;
}
