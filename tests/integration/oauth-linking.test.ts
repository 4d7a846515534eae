// OAuth sign-in links to an existing account by email only verified to verified, so nobody can pre-register
// a victim's address (or use an unverified provider address) to take the account over.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { primaryGitHubEmail } from "@/lib/auth/auth-options";
import { linkOAuthAccount, oauthSignInRefusal, type OAuthIdentity } from "@/lib/auth/link-oauth-account";
import { createUser, uniqueEmail } from "../support/factories";
import { ownerDb } from "../support/owner-db";

const identity = (email: string, emailVerified: boolean): OAuthIdentity => ({
  provider: "github",
  providerAccountId: randomUUID(),
  type: "oauth",
  email,
  name: "OAuth Person",
  emailVerified,
});

const accountsOf = (userId: string) => ownerDb().account.count({ where: { userId } });

describe("OAuth account linking", () => {
  it("refuses to link a provider login to an account whose email was never verified (pre-takeover)", async () => {
    const squatter = await createUser("squat"); // signed up with a password, never verified the address
    const victim = identity(squatter.email, true);
    expect(await oauthSignInRefusal(victim)).toBe("OAuthAccountNotLinked");
    await expect(linkOAuthAccount(victim)).rejects.toMatchObject({ code: "OAuthAccountNotLinked" });
    expect(await accountsOf(squatter.id)).toBe(0);
  });

  it("refuses a provider email the provider has not verified, for existing and new accounts", async () => {
    const user = await createUser("verified");
    await ownerDb().user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    expect(await oauthSignInRefusal(identity(user.email, false))).toBe("OAuthEmailUnverified");
    await expect(linkOAuthAccount(identity(user.email, false))).rejects.toMatchObject({ code: "OAuthEmailUnverified" });
    const stranger = uniqueEmail("stranger");
    await expect(linkOAuthAccount(identity(stranger, false))).rejects.toMatchObject({ code: "OAuthEmailUnverified" });
    expect(await ownerDb().user.count({ where: { email: stranger } })).toBe(0);
    expect(await accountsOf(user.id)).toBe(0);
  });

  it("links verified to verified, creates a new user for a new verified email, and finds a linked account again", async () => {
    const user = await createUser("both");
    await ownerDb().user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    const github = identity(user.email.toUpperCase(), true);
    expect(await oauthSignInRefusal(github)).toBeNull();
    expect((await linkOAuthAccount(github)).id).toBe(user.id);
    expect(await accountsOf(user.id)).toBe(1);
    // Once linked, the provider account signs in as that user, whatever the provider says of the email now.
    expect((await linkOAuthAccount({ ...github, emailVerified: false })).id).toBe(user.id);

    const fresh = await linkOAuthAccount(identity(uniqueEmail("fresh"), true));
    expect((await ownerDb().user.findUniqueOrThrow({ where: { id: fresh.id } })).emailVerified).not.toBeNull();
  });

  it("takes GitHub's primary email with its verified flag", () => {
    expect(
      primaryGitHubEmail([
        { email: "old@x.test", primary: false, verified: true },
        { email: "me@x.test", primary: true, verified: false },
      ]),
    ).toEqual({ email: "me@x.test", email_verified: false });
    expect(primaryGitHubEmail([{ email: "me@x.test", primary: true, verified: true }])).toEqual({
      email: "me@x.test",
      email_verified: true,
    });
    expect(primaryGitHubEmail([])).toEqual({ email: undefined, email_verified: false });
  });
});
