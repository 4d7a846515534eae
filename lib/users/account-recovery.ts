// Verifying an email, resetting a forgotten password, unlocking a locked account, changing a password.
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { sendPasswordResetEmail } from "./account-emails";
import { consumeUserToken } from "./user-tokens";

const INVALID_LINK = "This link is not valid any more. Ask for a new one.";

export async function verifyEmail(token: string): Promise<void> {
  const userId = await consumeUserToken(token, "verify_email");
  if (!userId) throw new AppError("not_found", INVALID_LINK);
  await db().user.update({ where: { id: userId }, data: { emailVerified: new Date() } });
}

/** Sends a reset link if the account exists; answers the same either way. */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true } });
  if (user) await sendPasswordResetEmail(user);
}

/** Sets a new password from a reset link; it also unlocks the account and signs out every session. */
export async function resetPassword(token: string, newPassword: string): Promise<void> {
  const userId = await consumeUserToken(token, "reset_password");
  if (!userId) throw new AppError("not_found", INVALID_LINK);
  await db().user.update({
    where: { id: userId },
    // The link arrived by email, so the address is proven too.
    data: { passwordHash: await hashPassword(newPassword), failedLoginCount: 0, lockedUntil: null, emailVerified: new Date() },
  });
  await revokeAllSessions(userId);
}

export async function unlockAccount(token: string): Promise<void> {
  const userId = await consumeUserToken(token, "unlock_account");
  if (!userId) throw new AppError("not_found", INVALID_LINK);
  await db().user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: null } });
}

/** Changes the password after checking the current one, and signs out every other session. */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, keepSessionToken?: string) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError("invalid_request", "The current password is not correct.", {
      fieldErrors: [{ path: "currentPassword", message: "Not your current password." }],
    });
  }
  await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
  await db().session.deleteMany({ where: { userId, ...(keepSessionToken && { sessionToken: { not: keepSessionToken } }) } });
}
