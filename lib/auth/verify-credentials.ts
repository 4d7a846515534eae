// Checks an email and password. An unknown email answers like a wrong password, in about the same time,
// so the answer does not reveal which accounts exist. Repeated failures lock the account for a while
// and email an unlock link.
//
// The lock is decided by the database after the slow hash, never by a read taken before it: many guesses
// hash at once, and a lock that lands while one of them hashes must still refuse it. Each outcome is one
// conditional UPDATE on the user's row; PostgreSQL runs concurrent ones on a row one after another and
// re-checks the WHERE against the row each finds, so no guess counts or succeeds past a lock.
import { db } from "@/lib/db/client";
import { sendInBackground } from "@/lib/mail/send-in-background";
import { checkRateLimit } from "@/lib/ratelimit/rate-limiter";
import { sendUnlockEmail } from "@/lib/users/account-emails";
import type { PublicUser } from "@/lib/users/sign-up";
import { decoyPasswordHash, verifyPassword } from "./password";

export const LOCKOUT_THRESHOLD = 8;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** The threshold-th failure for an unknown email is refused as locked, as a real account's would be. */
const UNKNOWN_EMAIL_FAILURES = { name: "login-unknown-email", limit: LOCKOUT_THRESHOLD - 1, windowSeconds: LOCKOUT_MS / 1000 };

export type CredentialCheck = { ok: true; user: PublicUser } | { ok: false; reason: "invalid" | "locked" };

export async function verifyCredentials(email: string, password: string): Promise<CredentialCheck> {
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user?.passwordHash) return { ok: false, reason: (await lockoutOfUnknownEmail(email)) ? "locked" : "invalid" };
  if (ok) {
    if (!(await admitLogIn(user.id))) return { ok: false, reason: "locked" };
    return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
  }
  const failure = await recordFailure(user.id);
  if (failure === "locked now") sendInBackground("unlock", () => sendUnlockEmail({ id: user.id, email: user.email }));
  return { ok: false, reason: failure === "counted" ? "invalid" : "locked" };
}

/**
 * An email with no password account "locks" like a real one: its failures are counted too (a sliding
 * window of the lock's length), so AccountLocked does not tell which emails have accounts.
 */
async function lockoutOfUnknownEmail(email: string): Promise<boolean> {
  const result = await checkRateLimit(UNKNOWN_EMAIL_FAILURES, email);
  return !result.success;
}

/** Clears the failure count unless the account is locked at this moment; only then is the log-in let in. */
async function admitLogIn(userId: string): Promise<boolean> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    UPDATE "User" SET "failedLoginCount" = 0, "lockedUntil" = NULL
     WHERE id = ${userId} AND ("lockedUntil" IS NULL OR "lockedUntil" <= now())
     RETURNING id`;
  return rows.length === 1;
}

/**
 * Counts a failed attempt in one UPDATE (so a burst loses no count); the attempt that reaches the
 * threshold locks the account. While it is locked nothing is counted: the lock is not extended and no
 * second unlock email goes out.
 */
async function recordFailure(userId: string): Promise<"counted" | "locked now" | "already locked"> {
  const [row] = await db().$queryRaw<{ locked: boolean }[]>`
    UPDATE "User"
       SET "failedLoginCount" = CASE WHEN "failedLoginCount" + 1 >= ${LOCKOUT_THRESHOLD} THEN 0 ELSE "failedLoginCount" + 1 END,
           "lockedUntil" = CASE WHEN "failedLoginCount" + 1 >= ${LOCKOUT_THRESHOLD}
                                THEN now() + make_interval(secs => ${LOCKOUT_MS / 1000}) ELSE "lockedUntil" END
     WHERE id = ${userId} AND ("lockedUntil" IS NULL OR "lockedUntil" <= now())
     RETURNING ("lockedUntil" IS NOT NULL AND "lockedUntil" > now()) AS locked`;
  if (!row) return "already locked";
  return row.locked ? "locked now" : "counted";
}
