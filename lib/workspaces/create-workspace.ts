// Creating a workspace: the creator becomes its owner, in one transaction with an audit entry. The Free
// allowance belongs to a person: a user owns at most one Free workspace (more need a paid tier), checked
// under a per-user lock so that concurrent requests cannot each create one.
import { randomBytes, randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors/app-error";
import type { CreateWorkspaceInput } from "./schemas";
import { slugify } from "./slug";
import type { WorkspaceSummary } from "./workspace-context";

export async function createWorkspace(userId: string, input: CreateWorkspaceInput): Promise<WorkspaceSummary> {
  // A slug the user chose must be free; one we derived from the name gets a suffix until it is.
  const derived = slugify(input.name);
  const candidates = input.slug
    ? [input.slug]
    : [derived, ...Array.from({ length: 4 }, () => `${derived}-${randomBytes(3).toString("hex")}`)];
  for (const slug of candidates) {
    try {
      return await insertWorkspace(userId, input.name, slug);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError("conflict", input.slug ? `The slug "${input.slug}" is taken.` : "Could not find a free slug; choose one.");
}

async function insertWorkspace(userId: string, name: string, slug: string): Promise<WorkspaceSummary> {
  // The id is chosen here so that the transaction can name the new workspace as its tenant.
  const id = randomUUID();
  return inWorkspace(
    id,
    async (tx) => {
      await assertNoOtherFreeWorkspace(tx, userId);
      const workspace = await tx.workspace.create({
        data: { id, name, slug, memberships: { create: { userId, role: "owner" } } },
        select: { id: true, slug: true, name: true, tier: true, status: true, pausedReason: true },
      });
      await recordAudit(tx, { workspaceId: id, actorId: userId, action: "workspace.created", target: slug });
      return { ...workspace, role: "owner" as const };
    },
    userId,
  );
}

async function assertNoOtherFreeWorkspace(tx: Tx, userId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`free-workspace:${userId}`}))`;
  const free = await tx.membership.findFirst({
    where: { userId, role: "owner", workspace: { tier: "free" } },
    select: { workspace: { select: { name: true } } },
  });
  if (free) {
    throw new AppError(
      "quota_exceeded",
      `You already own the Free workspace "${free.workspace.name}". Each person gets one Free workspace: upgrade it to a paid tier to create another.`,
    );
  }
}
