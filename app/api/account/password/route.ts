// POST /api/account/password { currentPassword, newPassword } — change the password; other sessions end.
import { changePasswordSchema } from "@/lib/auth/credentials-schema";
import { currentSessionToken } from "@/lib/auth/current-session-token";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { sessionRoute } from "@/lib/http/session-route";
import { changePassword } from "@/lib/users/account-recovery";

export const POST = sessionRoute(async ({ request, user }) => {
  const { currentPassword, newPassword } = await readJson(request, changePasswordSchema);
  await changePassword(user.id, currentPassword, newPassword, await currentSessionToken(request));
  return json({ status: "password_changed" });
});
