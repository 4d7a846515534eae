// For server components: the signed-in user, or a redirect to /login that comes back here afterwards.
import { redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "./get-session-user";

export async function requireSessionUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
