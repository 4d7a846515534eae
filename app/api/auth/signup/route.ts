// POST /api/auth/signup — create an account with email and password.
import { AUTH_LIMITS, enforceAuthLimits } from "@/lib/auth/auth-rate-limits";
import { signUpSchema } from "@/lib/auth/credentials-schema";
import { clientIp } from "@/lib/http/client-ip";
import { readJson } from "@/lib/http/read-json";
import { json, route } from "@/lib/http/route";
import { signUp } from "@/lib/users/sign-up";

export const POST = route(async ({ request }) => {
  const input = await readJson(request, signUpSchema);
  await enforceAuthLimits([
    [AUTH_LIMITS.signupPerIp, clientIp(request.headers)],
    [AUTH_LIMITS.signupPerEmail, input.email],
  ]);
  const user = await signUp(input);
  return json({ id: user.id, email: user.email }, 201);
});
