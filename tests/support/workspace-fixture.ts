// A workspace with one member of each role, for rule tests.
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import type { Role } from "@/lib/generated/prisma/enums";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { createUser, uniqueSlug } from "./factories";
import { ownerDb } from "./owner-db";

export interface TeamFixture {
  workspaceId: string;
  slug: string;
  users: Record<Role, { id: string; email: string }>;
  as(role: Role): WorkspaceContext;
}

export async function createTeam(tier: "free" | "pro" = "pro"): Promise<TeamFixture> {
  const owner = await createUser("owner");
  const slug = uniqueSlug("team");
  const workspace = await createWorkspace(owner.id, { name: "Team", slug });
  await ownerDb().workspace.update({ where: { id: workspace.id }, data: { tier } });
  const users = { owner } as TeamFixture["users"];
  for (const role of ["admin", "member", "viewer"] as const) {
    users[role] = await createUser(role);
    await ownerDb().membership.create({ data: { workspaceId: workspace.id, userId: users[role].id, role } });
  }
  return {
    workspaceId: workspace.id,
    slug,
    users,
    as: (role) => ({ workspaceId: workspace.id, slug, actorId: users[role].id, role }),
  };
}
