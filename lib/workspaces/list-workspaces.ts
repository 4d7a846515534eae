// The workspaces a user belongs to, with their role in each.
import { db } from "@/lib/db/client";
import type { Role, Tier, WorkspaceStatus } from "@/lib/generated/prisma/enums";

export interface WorkspaceSummary {
  id: string;
  slug: string;
  name: string;
  tier: Tier;
  status: WorkspaceStatus;
  role: Role;
}

export async function listWorkspaces(userId: string): Promise<WorkspaceSummary[]> {
  const memberships = await db().membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true, tier: true, status: true } } },
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role }));
}

/** The workspace with this slug if the user is a member of it; otherwise null, as if it did not exist. */
export async function findMemberWorkspace(userId: string, slug: string): Promise<WorkspaceSummary | null> {
  const membership = await db().membership.findFirst({
    where: { userId, workspace: { slug } },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true, tier: true, status: true } } },
  });
  return membership ? { ...membership.workspace, role: membership.role } : null;
}
