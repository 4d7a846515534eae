// POST /api/auth/password-reset { email } — emails a reset link if the account exists. Always 202, at once:
// the lookup and the mail happen after the answer, so neither its time nor a mail server's failure reveals
// which emails have accounts.
import { AUTH_LIMITS, enforceAuthLimits } from "@/lib/auth/auth-rate-limits";
import { emailOnlySchema } from "@/lib/auth/credentials-schema";
import { clientIp } from "@/lib/http/client-ip";
import { readJson } from "@/lib/http/read-json";
import { json, route } from "@/lib/http/route";
import { sendInBackground } from "@/lib/mail/send-in-background";
import { requestPasswordReset } from "@/lib/users/account-recovery";

export const POST = route(async ({ request }) => {
  const { email } = await readJson(request, emailOnlySchema);
  await enforceAuthLimits([
    [AUTH_LIMITS.emailLinkPerIp, clientIp(request.headers)],
    [AUTH_LIMITS.emailLinkPerEmail, email],
  ]);
  sendInBackground("password reset", () => requestPasswordReset(email));
  return json({ status: "accepted", detail: "If an account exists for this email, a reset link is on its way." }, 202);
});
