// POST /api/auth/signup — create an account with email and password.
import { signUpSchema } from "@/lib/auth/credentials-schema";
import { readJson } from "@/lib/http/read-json";
import { json, route } from "@/lib/http/route";
import { signUp } from "@/lib/users/sign-up";

export const POST = route(async ({ request }) => {
  const input = await readJson(request, signUpSchema);
  const user = await signUp(input);
  return json({ id: user.id, email: user.email }, 201);
});
