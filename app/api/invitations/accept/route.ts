// POST /api/invitations/accept { token } — the signed-in user joins the invitation's workspace.
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { sessionRoute } from "@/lib/http/session-route";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { acceptInvitationSchema } from "@/lib/members/schemas";

export const POST = sessionRoute(async ({ request, user }) => {
  const { token } = await readJson(request, acceptInvitationSchema);
  return json(await acceptInvitation(user, token));
});
