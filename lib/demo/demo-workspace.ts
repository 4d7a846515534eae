// The demo workspace "Demo" (slug `demo`) on the Starter tier, owned by the demo login.
import { changeTier } from "@/lib/workspaces/change-tier";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { contextOf, findMemberWorkspace, type WorkspaceContext } from "@/lib/workspaces/workspace-context";

export const DEMO_SLUG = "demo";

export async function ensureDemoWorkspace(userId: string): Promise<WorkspaceContext> {
  const workspace = (await findMemberWorkspace(userId, DEMO_SLUG)) ?? (await createWorkspace(userId, { name: "Demo", slug: DEMO_SLUG }));
  // Only a new (Free) workspace is raised: a tier chosen since then is left alone.
  if (workspace.tier === "free") await changeTier(workspace.id, "starter", { actorId: userId, source: "demo-seed" });
  return contextOf(userId, workspace);
}
