// Who is acting in which workspace, with which role: the first argument of every workspace-scoped
// domain function. Built only from a verified membership (or, for API keys, the key's workspace).
//
// The rule: a function that a route or page calls for a member or an API key (lib/runs, lib/usage,
// lib/billing, lib/agents, lib/spend, …) takes `ctx: WorkspaceContext` first; v1 routes pass V1Context.ctx,
// dashboard routes and pages the ctx of workspaceRoute / loadWorkspace. What the platform does on its own,
// for no actor (metering and caps, pausing, alerts, the run worker and its events, Stripe sync, sweeps,
// the admin CLI), takes the bare workspace id, as do helpers that run inside a caller's transaction
// (`tx, workspaceId`); a ctx function hands them `ctx.workspaceId`.
import { asUser } from "@/lib/db/tenant";
import type { Role, Tier, WorkspaceStatus } from "@/lib/generated/prisma/enums";

export interface WorkspaceContext {
  workspaceId: string;
  slug: string;
  /** The acting user. */
  actorId: string;
  role: Role;
}

export interface WorkspaceSummary {
  id: string;
  slug: string;
  name: string;
  tier: Tier;
  status: WorkspaceStatus;
  pausedReason: string | null;
  role: Role;
}

const workspaceFields = { id: true, slug: true, name: true, tier: true, status: true, pausedReason: true } as const;

export async function listWorkspaces(userId: string): Promise<WorkspaceSummary[]> {
  return asUser(userId, async (tx) => {
    const memberships = await tx.membership.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { role: true, workspace: { select: workspaceFields } },
    });
    return memberships.map((m) => ({ ...m.workspace, role: m.role }));
  });
}

/** The user's membership in the workspace with this slug, or null: not a member looks like no such workspace. */
export async function findMemberWorkspace(userId: string, slug: string): Promise<WorkspaceSummary | null> {
  return asUser(userId, async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { userId, workspace: { slug } },
      select: { role: true, workspace: { select: workspaceFields } },
    });
    return membership ? { ...membership.workspace, role: membership.role } : null;
  });
}

export function contextOf(userId: string, workspace: WorkspaceSummary): WorkspaceContext {
  return { workspaceId: workspace.id, slug: workspace.slug, actorId: userId, role: workspace.role };
}
