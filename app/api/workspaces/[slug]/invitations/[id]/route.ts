// DELETE /api/workspaces/:slug/invitations/:id — revoke a pending invitation.
import { workspaceRoute } from "@/lib/http/workspace-route";
import { revokeInvitation } from "@/lib/invitations/invitations";

export const DELETE = workspaceRoute<{ slug: string; id: string }>("members:invite", async ({ ctx, params }) => {
  await revokeInvitation(ctx, params.id);
  return new Response(null, { status: 204 });
});
