// What the account page shows about the signed-in user.
import { db } from "@/lib/db/client";

export async function getAccountSummary(userId: string) {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { emailVerified: true, passwordHash: true, _count: { select: { sessions: true } } },
  });
  return { emailVerified: user.emailVerified !== null, hasPassword: user.passwordHash !== null, sessionCount: user._count.sessions };
}
