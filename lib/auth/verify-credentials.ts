// Checks an email and password. An unknown email answers like a wrong password, in about the same time,
// so the answer does not reveal which accounts exist. Repeated failures lock the account for a while
// and email an unlock link.
import { db } from "@/lib/db/client";
import { sendUnlockEmail } from "@/lib/users/account-emails";
import type { PublicUser } from "@/lib/users/sign-up";
import { decoyPasswordHash, verifyPassword } from "./password";

export const LOCKOUT_THRESHOLD = 8;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type CredentialCheck = { ok: true; user: PublicUser } | { ok: false; reason: "invalid" | "locked" };

export async function verifyCredentials(email: string, password: string): Promise<CredentialCheck> {
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, lockedUntil: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user?.passwordHash) return { ok: false, reason: "invalid" };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) return { ok: false, reason: "locked" };
  if (ok) {
    await db().user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
  }
  return { ok: false, reason: (await recordFailure(user.id, user.email)) ? "locked" : "invalid" };
}

/** Counts a failed attempt atomically; at the threshold, locks the account. Returns whether it locked. */
async function recordFailure(userId: string, email: string): Promise<boolean> {
  const [row] = await db().$queryRaw<{ locked: boolean }[]>`
    UPDATE "User"
       SET "failedLoginCount" = CASE WHEN "failedLoginCount" + 1 >= ${LOCKOUT_THRESHOLD} THEN 0 ELSE "failedLoginCount" + 1 END,
           "lockedUntil" = CASE WHEN "failedLoginCount" + 1 >= ${LOCKOUT_THRESHOLD}
                                THEN now() + make_interval(secs => ${LOCKOUT_MS / 1000}) ELSE "lockedUntil" END
     WHERE id = ${userId}
     RETURNING ("lockedUntil" IS NOT NULL AND "lockedUntil" > now()) AS locked`;
  if (row?.locked) await sendUnlockEmail({ id: userId, email });
  return row?.locked ?? false;
}
