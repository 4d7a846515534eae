// The demo login: a verified user whose password is generated here and shown once, by the seed command.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";

export const DEMO_EMAIL = "demo@agenthq.local";

export interface DemoAccount {
  userId: string;
  /** The new password when this call set one; null when the existing login was left as it was. */
  password: string | null;
}

/** Creates the demo login, or (with resetPassword) gives the existing one a new password and unlocks it. */
export async function ensureDemoAccount(options: { resetPassword?: boolean } = {}): Promise<DemoAccount> {
  const existing = await db().user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  if (existing && !options.resetPassword) return { userId: existing.id, password: null };
  // "demo-" guarantees a non-letter; 16 random bytes give the rest of the strength.
  const password = `demo-${randomBytes(16).toString("base64url")}`;
  const passwordHash = await hashPassword(password);
  const user = await db().user.upsert({
    where: { email: DEMO_EMAIL },
    create: { email: DEMO_EMAIL, name: "Demo User", passwordHash, emailVerified: new Date() },
    update: { passwordHash, failedLoginCount: 0, lockedUntil: null },
    select: { id: true },
  });
  return { userId: user.id, password };
}
