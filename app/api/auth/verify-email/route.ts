// POST /api/auth/verify-email — sends the signed-in user a new verification link.
import { AUTH_LIMITS, enforceAuthLimits } from "@/lib/auth/auth-rate-limits";
import { json } from "@/lib/http/route";
import { sessionRoute } from "@/lib/http/session-route";
import { sendVerificationEmail } from "@/lib/users/account-emails";

export const POST = sessionRoute(async ({ user }) => {
  await enforceAuthLimits([[AUTH_LIMITS.emailLinkPerEmail, user.email]]);
  const delivery = await sendVerificationEmail(user);
  return json({ status: "accepted", delivery }, 202);
});
