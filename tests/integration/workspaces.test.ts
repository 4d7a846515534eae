// Workspaces on the real database: creation, slugs, membership visibility.
import { describe, expect, it } from "vitest";
import { ownerDb } from "../support/owner-db";
import { AppError } from "@/lib/http/app-error";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { findMemberWorkspace, listWorkspaces } from "@/lib/workspaces/workspace-context";
import { createUser, uniqueSlug } from "../support/factories";

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
    const user = await createUser("rule");
    const slug = uniqueSlug();
    await createWorkspace(user.id, { name: "One", slug });
    const error = await createWorkspace(user.id, { name: "Two", slug }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(409);
  });
});
