// A workspace's members with their roles.
import { inWorkspace } from "@/lib/db/tenant";
import type { Role } from "@/lib/generated/prisma/enums";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { assertCan } from "./permissions";

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export async function listMembers(ctx: WorkspaceContext): Promise<Member[]> {
  assertCan(ctx.role, "members:read");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const rows = await tx.membership.findMany({
      where: { workspaceId: ctx.workspaceId },
      orderBy: { createdAt: "asc" },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    });
    return rows.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      joinedAt: m.createdAt.toISOString(),
    }));
  });
}
