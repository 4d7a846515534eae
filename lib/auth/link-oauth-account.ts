// Signs in an OAuth user (GitHub, Google): finds the account by provider id, or links it to the user
// with the same verified email, or creates that user.
import { db } from "@/lib/db/client";
import type { PublicUser } from "@/lib/users/sign-up";

export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  type: string;
  email: string;
  name: string;
}

export async function linkOAuthAccount(identity: OAuthIdentity): Promise<PublicUser> {
  const select = { id: true, email: true, name: true } as const;
  const linked = await db().account.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    select: { user: { select } },
  });
  if (linked) return linked.user;
  return db().$transaction(async (tx) => {
    const email = identity.email.trim().toLowerCase();
    const user =
      (await tx.user.findUnique({ where: { email }, select })) ??
      (await tx.user.create({ data: { email, name: identity.name, emailVerified: new Date() }, select }));
    await tx.account.create({
      data: { userId: user.id, type: identity.type, provider: identity.provider, providerAccountId: identity.providerAccountId },
    });
    return user;
  });
}
