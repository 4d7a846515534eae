// Workspaces on the real database: creation, slugs, membership visibility.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { deleteWorkspace, renameWorkspace } from "@/lib/workspaces/update-workspace";
import { contextOf, findMemberWorkspace, listWorkspaces } from "@/lib/workspaces/workspace-context";
import { createUser, uniqueSlug } from "../support/factories";
import { ownerDb } from "../support/owner-db";

describe("creating a workspace", () => {
  it("makes the creator its owner and records it in the audit log", async () => {
    const user = await createUser("owner");
    const slug = uniqueSlug();
    const workspace = await createWorkspace(user.id, { name: "Acme", slug });
    expect(workspace).toMatchObject({ slug, name: "Acme", tier: "free", status: "active", role: "owner" });
    const membership = await ownerDb().membership.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(membership).toMatchObject({ userId: user.id, role: "owner" });
    const audit = await ownerDb().auditLog.findMany({ where: { workspaceId: workspace.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["workspace.created", user.id]]);
  });

  it("refuses a slug that is taken, and changes nothing", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    const slug = uniqueSlug();
    await createWorkspace(a.id, { name: "First", slug });
    await expect(createWorkspace(b.id, { name: "Second", slug })).rejects.toMatchObject({ code: "conflict" });
    expect(await listWorkspaces(b.id)).toEqual([]);
  });

  it("derives a free slug from the name when none is given", async () => {
    const user = await createUser("derive");
    const name = `Derived ${uniqueSlug("n")}`;
    const first = await createWorkspace(user.id, { name });
    await ownerDb().workspace.update({ where: { id: first.id }, data: { tier: "pro" } }); // one Free workspace a person
    const second = await createWorkspace(user.id, { name });
    expect(first.slug).toBe(name.toLowerCase().replace(/ /g, "-"));
    expect(second.slug).toMatch(new RegExp(`^${first.slug}-[0-9a-f]{6}$`));
  });
});

describe("workspace visibility", () => {
  it("lists only the user's own workspaces, and hides others' as if they did not exist", async () => {
    const [alice, bob] = [await createUser("alice"), await createUser("bob")];
    const mine = await createWorkspace(alice.id, { name: "Alice's", slug: uniqueSlug("alice") });
    const theirs = await createWorkspace(bob.id, { name: "Bob's", slug: uniqueSlug("bob") });

    expect((await listWorkspaces(alice.id)).map((w) => w.id)).toEqual([mine.id]);
    expect(await findMemberWorkspace(alice.id, mine.slug)).toMatchObject({ id: mine.id, role: "owner" });
    expect(await findMemberWorkspace(alice.id, theirs.slug)).toBeNull();
    expect(await findMemberWorkspace(alice.id, "no-such-workspace")).toBeNull();
  });

  it("is an AppError the HTTP layer maps, not a database error, when input breaks a rule", async () => {
    const [user, other] = [await createUser("rule"), await createUser("rule-2")];
    const slug = uniqueSlug();
    await createWorkspace(user.id, { name: "One", slug });
    const error = await createWorkspace(other.id, { name: "Two", slug }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(409);
  });
});

describe("the Free allowance belongs to a person", () => {
  it("lets a user own one Free workspace, even asked five times at once; a paid one frees the allowance", async () => {
    const user = await createUser("free-once");
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => createWorkspace(user.id, { name: `Free ${i}` })));
    const created = results.filter((r) => r.status === "fulfilled");
    expect(created).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => r.reason instanceof AppError && r.reason.code === "quota_exceeded")).toBe(true);
    expect(refused[0]!.reason.message).toContain("Each person gets one Free workspace");

    const first = (created[0] as PromiseFulfilledResult<{ id: string }>).value;
    await ownerDb().workspace.update({ where: { id: first.id }, data: { tier: "starter" } });
    await expect(createWorkspace(user.id, { name: "Second" })).resolves.toMatchObject({ tier: "free" });
  });
});

describe("renaming and deleting", () => {
  it("renames with an audit entry", async () => {
    const user = await createUser("rename");
    const workspace = await createWorkspace(user.id, { name: "Old", slug: uniqueSlug() });
    await renameWorkspace(contextOf(user.id, workspace), "New");
    expect((await findMemberWorkspace(user.id, workspace.slug))?.name).toBe("New");
    const entry = await ownerDb().auditLog.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "workspace.renamed" } });
    expect(entry.metadata).toEqual({ from: "Old", to: "New" });
  });

  it("deletes only with the slug as confirmation, and takes all the workspace's data with it", async () => {
    const user = await createUser("delete");
    const workspace = await createWorkspace(user.id, { name: "Doomed", slug: uniqueSlug() });
    const ctx = contextOf(user.id, workspace);
    await ownerDb().run.create({ data: { workspaceId: workspace.id, agent: "research", input: {} } });
    await expect(deleteWorkspace(ctx, "wrong")).rejects.toMatchObject({ code: "invalid_request" });
    expect(await ownerDb().workspace.count({ where: { id: workspace.id } })).toBe(1);

    await deleteWorkspace(ctx, workspace.slug);
    expect(await ownerDb().workspace.count({ where: { id: workspace.id } })).toBe(0);
    for (const count of [
      ownerDb().membership.count({ where: { workspaceId: workspace.id } }),
      ownerDb().run.count({ where: { workspaceId: workspace.id } }),
      ownerDb().auditLog.count({ where: { workspaceId: workspace.id } }),
    ])
      expect(await count).toBe(0);
    expect(await listWorkspaces(user.id)).toEqual([]);
  });

  it("refuses renaming and deleting to roles without the permission", async () => {
    const user = await createUser("norights");
    const workspace = await createWorkspace(user.id, { name: "Kept", slug: uniqueSlug() });
    const asViewer = { ...contextOf(user.id, workspace), role: "viewer" as const };
    const asAdmin = { ...contextOf(user.id, workspace), role: "admin" as const };
    await expect(renameWorkspace(asViewer, "Nope")).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteWorkspace(asAdmin, workspace.slug)).rejects.toMatchObject({ code: "forbidden" });
    expect((await findMemberWorkspace(user.id, workspace.slug))?.name).toBe("Kept");
  });
});
