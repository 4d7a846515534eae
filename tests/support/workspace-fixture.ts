// A workspace with one member of each role, for rule tests.
import type { Role } from "@/lib/generated/prisma/enums";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
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
  const users: Partial<TeamFixture["users"]> = { owner };
  for (const role of ["admin", "member", "viewer"] as const) {
    const user = await createUser(role);
    await ownerDb().membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    users[role] = user;
  }
  return {
    workspaceId: workspace.id,
    slug,
    users: users as TeamFixture["users"],
    as: (role) => ({ workspaceId: workspace.id, slug, actorId: users[role]!.id, role }),
  };
}
