// Invitations: single use, expiring, tamper-proof, bound to the invited email, within the member limit.
import { describe, expect, it } from "vitest";
import { hashLinkToken } from "@/lib/auth/tokens";
import { acceptInvitation, viewInvitation } from "@/lib/invitations/accept-invitation";
import { inviteMember, listPendingInvitations, revokeInvitation } from "@/lib/invitations/invitations";
import { changeMemberRole, removeMember } from "@/lib/members/change-members";
import { createUser } from "../support/factories";
import { ownerDb } from "../support/owner-db";
import { createTeam } from "../support/workspace-fixture";

const tokenOf = (acceptUrl: string | undefined) => acceptUrl!.split("/invite/")[1]!;

const roleOf = async (workspaceId: string, userId: string) =>
  (await ownerDb().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }))?.role ?? null;

describe("invitations", () => {
  it("lets the invited user join once, with the invited role; the link is then spent", async () => {
    const team = await createTeam();
    const invitee = await createUser("invitee");
    const invitation = await inviteMember(team.as("admin"), { email: invitee.email, role: "member" });
    expect(invitation.delivery).toBe("logged");
    const token = tokenOf(invitation.acceptUrl);

    const stored = await ownerDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(await viewInvitation(token)).toMatchObject({
      email: invitee.email,
      role: "member",
      state: "pending",
      workspace: { slug: team.slug },
    });
    const results = await Promise.allSettled([acceptInvitation(invitee, token), acceptInvitation(invitee, token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      await ownerDb().membership.findUnique({ where: { workspaceId_userId: { workspaceId: team.workspaceId, userId: invitee.id } } }),
    ).toMatchObject({ role: "member" });
    await expect(acceptInvitation(invitee, token)).rejects.toMatchObject({ code: "conflict" });
    expect((await viewInvitation(token))?.state).toBe("accepted");
  });

  it("refuses expired, revoked, tampered and other people's links", async () => {
    const team = await createTeam();
    const invitee = await createUser("late");
    const someoneElse = await createUser("else");

    const expired = await inviteMember(team.as("owner"), { email: invitee.email, role: "viewer" });
    await ownerDb().invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation(invitee, tokenOf(expired.acceptUrl))).rejects.toMatchObject({ code: "conflict" });

    const revoked = await inviteMember(team.as("owner"), { email: invitee.email, role: "viewer" });
    await revokeInvitation(team.as("owner"), revoked.id);
    await expect(acceptInvitation(invitee, tokenOf(revoked.acceptUrl))).rejects.toMatchObject({ code: "conflict" });

    const live = await inviteMember(team.as("owner"), { email: invitee.email, role: "viewer" });
    const token = tokenOf(live.acceptUrl);
    const tampered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    await expect(acceptInvitation(invitee, tampered)).rejects.toMatchObject({ code: "not_found" });
    await expect(acceptInvitation(invitee, "../../etc/passwd")).rejects.toMatchObject({ code: "not_found" });
    await expect(acceptInvitation(someoneElse, token)).rejects.toMatchObject({ code: "forbidden" });

    const memberIds = (await ownerDb().membership.findMany({ where: { workspaceId: team.workspaceId } })).map((m) => m.userId);
    expect(memberIds).not.toContain(invitee.id);
    expect(memberIds).not.toContain(someoneElse.id);
  });

  it("holds the tier's member limit, counting pending invitations", async () => {
    const team = await createTeam("free");
    await expect(inviteMember(team.as("owner"), { email: "x@example.test", role: "member" })).rejects.toMatchObject({
      code: "quota_exceeded",
    });
    expect(await listPendingInvitations(team.as("owner"))).toEqual([]);
  });

  it("applies the role rules to inviting", async () => {
    const team = await createTeam();
    await expect(inviteMember(team.as("admin"), { email: "o@example.test", role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(inviteMember(team.as("member"), { email: "m@example.test", role: "viewer" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(inviteMember(team.as("owner"), { email: team.users.viewer.email, role: "admin" })).rejects.toMatchObject({
      code: "conflict",
    });
    const again = await inviteMember(team.as("owner"), { email: "twice@example.test", role: "member" });
    const latest = await inviteMember(team.as("owner"), { email: "twice@example.test", role: "admin" });
    const pending = await listPendingInvitations(team.as("viewer"));
    expect(pending.map((p) => p.id)).toEqual([latest.id]);
    expect(pending.map((p) => p.id)).not.toContain(again.id);
  });

  describe("an invitation carries no more than its inviter may still grant", () => {
    it("is refused, and withdrawn, once its admin inviter was removed: nobody gets the role", async () => {
      const team = await createTeam();
      const invitee = await createUser("orphan");
      const invitation = await inviteMember(team.as("admin"), { email: invitee.email, role: "admin" });
      await removeMember(team.as("owner"), team.users.admin.id);

      await expect(acceptInvitation(invitee, tokenOf(invitation.acceptUrl))).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringContaining("no longer"),
      });
      expect(await roleOf(team.workspaceId, invitee.id)).toBeNull();
      expect((await viewInvitation(tokenOf(invitation.acceptUrl)))?.state).toBe("revoked");
      expect(await listPendingInvitations(team.as("owner"))).toEqual([]);
    });

    it("is refused once its admin inviter was demoted to member", async () => {
      const team = await createTeam();
      const invitee = await createUser("demoted");
      const asAdmin = await inviteMember(team.as("admin"), { email: invitee.email, role: "admin" });
      await changeMemberRole(team.as("owner"), team.users.admin.id, "member");
      await expect(acceptInvitation(invitee, tokenOf(asAdmin.acceptUrl))).rejects.toMatchObject({ code: "conflict" });
      expect(await roleOf(team.workspaceId, invitee.id)).toBeNull();
    });

    it("is refused when its inviter's account is gone (deleted, or no inviter recorded)", async () => {
      const team = await createTeam();
      const [first, second] = [await createUser("deleted-inviter"), await createUser("no-inviter")];
      const fromDeleted = await inviteMember(team.as("admin"), { email: first.email, role: "member" });
      await ownerDb().user.delete({ where: { id: team.users.admin.id } });
      await expect(acceptInvitation(first, tokenOf(fromDeleted.acceptUrl))).rejects.toMatchObject({ code: "conflict" });

      const anonymous = await inviteMember(team.as("owner"), { email: second.email, role: "viewer" });
      await ownerDb().invitation.update({ where: { id: anonymous.id }, data: { invitedById: null } });
      await expect(acceptInvitation(second, tokenOf(anonymous.acceptUrl))).rejects.toMatchObject({ code: "conflict" });
      expect(await roleOf(team.workspaceId, first.id)).toBeNull();
      expect(await roleOf(team.workspaceId, second.id)).toBeNull();
    });

    it("still works when its inviter may still grant the role (an owner's, an admin's who was promoted)", async () => {
      const team = await createTeam();
      const [fromOwner, fromAdmin] = [await createUser("from-owner"), await createUser("from-promoted")];
      const ownerInvitation = await inviteMember(team.as("owner"), { email: fromOwner.email, role: "admin" });
      const adminInvitation = await inviteMember(team.as("admin"), { email: fromAdmin.email, role: "member" });
      await changeMemberRole(team.as("owner"), team.users.admin.id, "owner");
      await removeMember(team.as("owner"), team.users.member.id);

      expect(await acceptInvitation(fromOwner, tokenOf(ownerInvitation.acceptUrl))).toEqual({ slug: team.slug, role: "admin" });
      expect(await acceptInvitation(fromAdmin, tokenOf(adminInvitation.acceptUrl))).toEqual({ slug: team.slug, role: "member" });
    });

    it("waits for a concurrent demotion of its inviter and is then refused", async () => {
      const team = await createTeam();
      const invitee = await createUser("race");
      const invitation = await inviteMember(team.as("admin"), { email: invitee.email, role: "admin" });
      const adminRow = { workspaceId_userId: { workspaceId: team.workspaceId, userId: team.users.admin.id } };

      // The demotion holds the inviter's membership row while the acceptance starts; only when the
      // demotion commits may the acceptance decide, and it must decide on the new role.
      let accepting: Promise<unknown> | undefined;
      await ownerDb().$transaction(async (tx) => {
        await tx.membership.update({ where: adminRow, data: { role: "member" } });
        accepting = acceptInvitation(invitee, tokenOf(invitation.acceptUrl)).then(
          () => "accepted",
          (error: { code?: string }) => error.code,
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
      });
      expect(await accepting).toBe("conflict");
      expect(await roleOf(team.workspaceId, invitee.id)).toBeNull();
    });
  });
});
