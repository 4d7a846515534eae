// Tenant scope for database work. Every query on a tenant table runs inside one of these transactions,
// which tell PostgreSQL's row-level security whose rows are visible (see the tenant_isolation migration).
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";

export type Tx = Prisma.TransactionClient;

interface Scope {
  /** The workspace whose rows are visible and writable. */
  workspaceId?: string;
  /** The user whose own memberships (and their workspaces) are visible. */
  userId?: string;
  /** Longer than Prisma's 5 s default, for work that waits on another service inside the transaction. */
  timeoutMs?: number;
}

// Under load a connection may take a while to free up: a transaction waits for one as long as the pool
// itself would (5 s), not Prisma's default 2 s, before giving up with a 503.
async function withScope<T>(scope: Scope, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.workspace_id', ${scope.workspaceId ?? ""}, true),
                              set_config('app.user_id', ${scope.userId ?? ""}, true)`;
      return work(tx);
    },
    { maxWait: 5_000, ...(scope.timeoutMs && { timeout: scope.timeoutMs }) },
  );
}

/** Work inside one workspace (optionally also seeing the acting user's own memberships). */
export function inWorkspace<T>(workspaceId: string, work: (tx: Tx) => Promise<T>, actingUserId?: string): Promise<T> {
  return withScope({ workspaceId, userId: actingUserId }, work);
}

/** `inWorkspace` for work that calls another service while it holds a lock (billing's webhooks and sweep). */
export function inWorkspaceWithTimeout<T>(workspaceId: string, timeoutMs: number, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withScope({ workspaceId, timeoutMs }, work);
}

/** Work across the workspaces a user belongs to (their memberships), before a workspace is chosen. */
export function asUser<T>(userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withScope({ userId }, work);
}
