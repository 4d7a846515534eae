// Single-use, expiring links for an account: verify the email, reset the password, unlock after lockout.
import { hashLinkToken, newLinkToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  unlock_account: 24 * 60 * 60 * 1000,
};

/** Issues a new link token; earlier unused tokens of the same purpose stop working. */
export async function issueUserToken(userId: string, purpose: TokenPurpose): Promise<string> {
  const { token, tokenHash } = newLinkToken();
  await db().$transaction([
    db().userToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } }),
    db().userToken.create({ data: { userId, purpose, tokenHash, expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]) } }),
  ]);
  return token;
}

/** Spends a token: the user id if it was valid, unused and unexpired (only the first of concurrent uses wins). */
export async function consumeUserToken(token: string, purpose: TokenPurpose): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const tokenHash = hashLinkToken(token);
  const { count } = await db().userToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (count !== 1) return null;
  const row = await db().userToken.findUnique({ where: { tokenHash }, select: { userId: true } });
  return row?.userId ?? null;
}
