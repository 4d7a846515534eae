// POST /api/auth/password-reset/confirm { token, password } — sets a new password from a reset link.
import { resetPasswordSchema } from "@/lib/auth/credentials-schema";
import { readJson } from "@/lib/http/read-json";
import { json, route } from "@/lib/http/route";
import { resetPassword } from "@/lib/users/account-recovery";

export const POST = route(async ({ request }) => {
  const { token, password } = await readJson(request, resetPasswordSchema);
  await resetPassword(token, password);
  return json({ status: "password_changed" });
});
