// GET /api/workspaces/:slug/invitations — pending invitations; POST — invite someone by email.
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { inviteMember, listPendingInvitations } from "@/lib/invitations/invitations";
import { inviteSchema } from "@/lib/members/schemas";

type Params = { slug: string };

export const GET = workspaceRoute<Params>("members:read", async ({ ctx }) => json({ data: await listPendingInvitations(ctx) }));

export const POST = workspaceRoute<Params>("members:invite", async ({ request, ctx }) => {
  const input = await readJson(request, inviteSchema);
  return json(await inviteMember(ctx, input), 201);
});
