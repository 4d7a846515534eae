// Everything that works through emailed links, with real email: lockout and unlock, password reset,
// email verification, password change, invitations.
// Mail goes through nodemailer to a local SMTP stand-in; links are followed from the received messages.
import { afterAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, uniqueEmail } from "../support/ids";
import { ownerDb } from "../support/owner-db";
import { startSmtpStandIn } from "../support/smtp-stand-in";

const smtp = await startSmtpStandIn();
process.env.SMTP_URL = smtp.url;
// Imported after SMTP_URL is set: the environment is parsed once, on first import.
const { verifyCredentials, LOCKOUT_THRESHOLD } = await import("@/lib/auth/verify-credentials");
const { signUp } = await import("@/lib/users/sign-up");
const recovery = await import("@/lib/users/account-recovery");
const { createSession, findActiveSessionUser } = await import("@/lib/auth/sessions");
const { inviteMember } = await import("@/lib/invitations/invitations");
const { acceptInvitation } = await import("@/lib/invitations/accept-invitation");
const { createWorkspace } = await import("@/lib/workspaces/create-workspace");

const tokenOf = (link: string) => link.split("/").pop()!;

afterAll(() => smtp.close());

async function newUser(label: string) {
  return signUp({ email: uniqueEmail(label), password: TEST_PASSWORD, name: label });
}

describe("lockout", () => {
  it(`locks the account after ${LOCKOUT_THRESHOLD} failures, even for the right password, and mails an unlock link`, async () => {
    const user = await newUser("lock");
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      expect(await verifyCredentials(user.email, `wrong-${i}-Password`)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await verifyCredentials(user.email, "wrong-last-Password")).toEqual({ ok: false, reason: "locked" });
    expect(await verifyCredentials(user.email, TEST_PASSWORD)).toEqual({ ok: false, reason: "locked" });

    const link = await smtp.waitForLink(user.email, "/unlock");
    await recovery.unlockAccount(tokenOf(link));
    expect(await verifyCredentials(user.email, TEST_PASSWORD)).toMatchObject({ ok: true });
    await expect(recovery.unlockAccount(tokenOf(link))).rejects.toMatchObject({ code: "not_found" });
  });

  it("counts concurrent failures exactly", async () => {
    const user = await newUser("burst");
    await Promise.all(Array.from({ length: LOCKOUT_THRESHOLD - 1 }, (_, i) => verifyCredentials(user.email, `bad-${i}-Password`)));
    const row = await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedLoginCount).toBe(LOCKOUT_THRESHOLD - 1);
    expect(row.lockedUntil).toBeNull();
  });
});

describe("password reset", () => {
  it("sets the new password from the mailed link once, unlocks, and ends every session", async () => {
    const user = await newUser("reset");
    const session = await createSession(user.id);
    await recovery.requestPasswordReset(user.email);
    const token = tokenOf(smtp.linkFor(user.email, "/reset-password"));

    await recovery.resetPassword(token, "brand-New-pass-77");
    expect(await verifyCredentials(user.email, "brand-New-pass-77")).toMatchObject({ ok: true });
    expect(await verifyCredentials(user.email, TEST_PASSWORD)).toMatchObject({ ok: false });
    expect(await findActiveSessionUser(session)).toBeNull();
    await expect(recovery.resetPassword(token, "another-New-pass-88")).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers an unknown email without sending anything", async () => {
    const before = smtp.inbox.length;
    await recovery.requestPasswordReset(uniqueEmail("nobody"));
    expect(smtp.inbox.length).toBe(before);
  });

  it("refuses an expired link", async () => {
    const user = await newUser("expired");
    await recovery.requestPasswordReset(user.email);
    const token = tokenOf(smtp.linkFor(user.email, "/reset-password"));
    await ownerDb().userToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(recovery.resetPassword(token, "brand-New-pass-77")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("email verification", () => {
  it("mails a link at sign-up that confirms the address once", async () => {
    const user = await newUser("verify");
    const token = tokenOf(await smtp.waitForLink(user.email, "/verify-email"));
    expect((await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();
    await recovery.verifyEmail(token);
    expect((await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).not.toBeNull();
    await expect(recovery.verifyEmail(token)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("password change", () => {
  it("needs the current password and ends every other session", async () => {
    const user = await newUser("change");
    const [current, other] = [await createSession(user.id), await createSession(user.id)];
    await expect(recovery.changePassword(user.id, "not-my-Password-1", "brand-New-pass-77", current)).rejects.toMatchObject({
      code: "invalid_request",
    });
    await recovery.changePassword(user.id, TEST_PASSWORD, "brand-New-pass-77", current);
    expect(await findActiveSessionUser(current)).not.toBeNull();
    expect(await findActiveSessionUser(other)).toBeNull();
    expect(await verifyCredentials(user.email, "brand-New-pass-77")).toMatchObject({ ok: true });
  });
});

describe("invitations by email", () => {
  it("emails the link instead of handing it to the inviter, and the link works", async () => {
    const owner = await newUser("inviter");
    const workspace = await createWorkspace(owner.id, { name: "Mailed" });
    await ownerDb().workspace.update({ where: { id: workspace.id }, data: { tier: "starter" } });
    const invitee = await newUser("mailed-invitee");
    const ctx = { workspaceId: workspace.id, slug: workspace.slug, actorId: owner.id, role: "owner" as const };
    const invitation = await inviteMember(ctx, { email: invitee.email, role: "member" });
    expect(invitation.delivery).toBe("sent");
    expect(invitation).not.toHaveProperty("acceptUrl");
    const link = smtp.linkFor(invitee.email, "/invite");
    expect(await acceptInvitation(invitee, tokenOf(link))).toEqual({ slug: workspace.slug, role: "member" });
  });

  it("quotes the workspace's and the inviter's names as data: no tenant text in the subject, no tenant link", async () => {
    const owner = await newUser("quoting-inviter");
    const workspace = await createWorkspace(owner.id, { name: "Quoted" });
    // Rows written before names had to be one line may still hold a line break; they are quoted too.
    await ownerDb().workspace.update({
      where: { id: workspace.id },
      data: { tier: "starter", name: "Acme\nYour account is suspended: log in at http://evil.example/login" },
    });
    await ownerDb().user.update({ where: { id: owner.id }, data: { name: "Support \u201cAgentHQ\u201d www.evil.example" } });
    const invitee = uniqueEmail("quoted-invitee");
    const ctx = { workspaceId: workspace.id, slug: workspace.slug, actorId: owner.id, role: "owner" as const };
    await inviteMember(ctx, { email: invitee, role: "member" });

    const [mail] = smtp.messagesFor(invitee);
    expect(mail!.subject).toBe("You are invited to a workspace on AgentHQ");
    const lines = mail!.text.split("\n");
    expect(lines).toContain("Workspace: \u201cAcme Your account is suspended: log in at http[:]//evil[.]example/login\u201d");
    expect(lines).toContain(`Invited by: \u201cSupport 'AgentHQ' www[.]evil[.]example\u201d (${owner.email}, address not verified)`);
    expect(mail!.text).toContain("AgentHQ does not check the names of workspaces or people");
    expect(mail!.text).not.toContain("evil.example");
    // The one link in the mail is the accept link.
    expect(mail!.text.match(/https?:\/\/\S+/g)).toEqual([smtp.linkFor(invitee, "/invite")]);
  });

  it("sends at most 50 invitations a day per workspace, counting only those actually sent", async () => {
    const owner = await newUser("busy-inviter");
    const workspace = await createWorkspace(owner.id, { name: "Busy" });
    await ownerDb().workspace.update({ where: { id: workspace.id }, data: { tier: "pro" } });
    const ctx = { workspaceId: workspace.id, slug: workspace.slug, actorId: owner.id, role: "owner" as const };
    const invitee = uniqueEmail("daily");

    // Refused invitations (here: to someone already a member) are not counted.
    for (let i = 0; i < 5; i++) {
      await expect(inviteMember(ctx, { email: owner.email, role: "member" })).rejects.toMatchObject({ code: "conflict" });
    }
    // Each new invitation to the same address replaces the last one, so seats never run out; mail does.
    for (let i = 0; i < 50; i++) await inviteMember(ctx, { email: invitee, role: "member" });
    expect(smtp.messagesFor(invitee)).toHaveLength(50);
    const latest = await ownerDb().invitation.findFirstOrThrow({ where: { workspaceId: workspace.id, revokedAt: null } });

    const refused = await inviteMember(ctx, { email: invitee, role: "member" }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "rate_limited", headers: { "retry-after": expect.stringMatching(/^[1-9]\d*$/) } });
    expect(smtp.messagesFor(invitee)).toHaveLength(50);
    // Nothing changed: the last invitation sent still works, and no other was written.
    expect(await ownerDb().invitation.count({ where: { workspaceId: workspace.id } })).toBe(50);
    expect(await ownerDb().invitation.findFirstOrThrow({ where: { workspaceId: workspace.id, revokedAt: null } })).toMatchObject({
      id: latest.id,
    });

    // The limit is the workspace's: another workspace still invites the same address.
    const other = await newUser("other-inviter");
    const otherWorkspace = await createWorkspace(other.id, { name: "Other" });
    await ownerDb().workspace.update({ where: { id: otherWorkspace.id }, data: { tier: "pro" } });
    const otherCtx = { workspaceId: otherWorkspace.id, slug: otherWorkspace.slug, actorId: other.id, role: "owner" as const };
    expect((await inviteMember(otherCtx, { email: invitee, role: "member" })).delivery).toBe("sent");
  });
});
