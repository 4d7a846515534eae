// Signs in an OAuth user (GitHub, Google): finds the account by provider id, or links it to the user with
// the same email, or creates that user. Linking by email happens only verified to verified: the provider
// vouches for the address and our account's address was verified too. Otherwise someone who registered
// the victim's address first (with a password, unverified) or an unverified provider address could take
// the account over; such a person is asked to log in with the password first.
import { db } from "@/lib/db/client";
import type { PublicUser } from "@/lib/users/sign-up";

export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  type: string;
  email: string;
  name: string;
  /** Whether the provider says it verified the email. */
  emailVerified: boolean;
}

/** Why an OAuth sign-in was refused; the codes are the login page's error codes. */
export type OAuthRefusal = "OAuthEmailUnverified" | "OAuthAccountNotLinked";

export class OAuthSignInRefused extends Error {
  constructor(readonly code: OAuthRefusal) {
    super(code);
    this.name = "OAuthSignInRefused";
  }
}

const select = { id: true, email: true, name: true } as const;

/** Whether this identity may sign in: null when it may, else the reason for the login page. */
export async function oauthSignInRefusal(identity: OAuthIdentity): Promise<OAuthRefusal | null> {
  const linked = await db().account.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    select: { id: true },
  });
  if (linked) return null;
  if (!identity.emailVerified) return "OAuthEmailUnverified";
  const existing = await db().user.findUnique({ where: { email: identity.email.trim().toLowerCase() }, select: { emailVerified: true } });
  if (existing && !existing.emailVerified) return "OAuthAccountNotLinked";
  return null;
}

export async function linkOAuthAccount(identity: OAuthIdentity): Promise<PublicUser> {
  const linked = await db().account.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    select: { user: { select } },
  });
  if (linked) return linked.user;
  if (!identity.emailVerified) throw new OAuthSignInRefused("OAuthEmailUnverified");
  return db().$transaction(async (tx) => {
    const email = identity.email.trim().toLowerCase();
    const existing = await tx.user.findUnique({ where: { email }, select: { ...select, emailVerified: true } });
    if (existing && !existing.emailVerified) throw new OAuthSignInRefused("OAuthAccountNotLinked");
    const user = existing
      ? { id: existing.id, email: existing.email, name: existing.name }
      : await tx.user.create({ data: { email, name: identity.name, emailVerified: new Date() }, select });
    await tx.account.create({
      data: { userId: user.id, type: identity.type, provider: identity.provider, providerAccountId: identity.providerAccountId },
    });
    return user;
  });
}
