// Checks an email and password; answers the same way (and in about the same time) for an unknown
// email as for a wrong password, so the answer does not reveal which accounts exist.
import { db } from "@/lib/db/client";
import { decoyPasswordHash, verifyPassword } from "./password";
import type { PublicUser } from "@/lib/users/sign-up";

export async function verifyCredentials(email: string, password: string): Promise<PublicUser | null> {
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user?.passwordHash || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}
